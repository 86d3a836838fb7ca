namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// The store's orders (v2): seeded by tests and the demo, listed by the order poller, shipped by the connector. A
/// shipment is refused, as BigCommerce refuses it, when its address is not the order's or it ships more of a product
/// than is left to ship. Every change bumps the order's modified time (whole seconds, as v2 keeps it).
/// </summary>
internal sealed class BigCommerceOrders(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, SandboxOrder> orders = [];
    private int nextOrderProductId = 1;
    private int nextAddressId = 1;
    private int nextShipmentId = 1;

    public IReadOnlyList<SandboxOrder> Snapshot()
    {
        lock (gate)
        {
            return orders.Values.OrderBy(o => o.Id).ToList();
        }
    }

    public SandboxOrder? Order(int id)
    {
        lock (gate)
        {
            return orders.GetValueOrDefault(id);
        }
    }

    /// <summary>The orders <paramref name="include"/> keeps, in the order <paramref name="sort"/> gives, ties by id.</summary>
    public IReadOnlyList<SandboxOrder> List(Func<SandboxOrder, bool> include, OrderSort sort)
    {
        lock (gate)
        {
            var matching = orders.Values.Where(include);
            var sorted = sort.Descending
                ? matching.OrderByDescending(sort.Key).ThenByDescending(o => o.Id)
                : matching.OrderBy(sort.Key).ThenBy(o => o.Id);
            return sorted.ToList();
        }
    }

    /// <summary>Creates (or replaces) the order with one product per line and one shipping address.</summary>
    public SandboxOrder Seed(SandboxOrderSeed seed, Func<string, int> productIdOf)
    {
        lock (gate)
        {
            var products = seed.Lines.Select(line => new SandboxOrderProduct(
                nextOrderProductId++, seed.Id, line.Sku.Length == 0 ? 0 : productIdOf(line.Sku), line.Sku,
                line.Name ?? $"Product {line.Sku}", line.Quantity, 0)
            {
                PriceExTax = line.Price,
                TaxRate = line.TaxRate,
                Discount = line.Discount,
            }).ToList();
            var address = new SandboxShippingAddress(nextAddressId++, seed.Id, seed.ShippingAddress ?? seed.BillingAddress, seed.ShippingMethod);
            var created = Seconds(seed.CreatedAt ?? time.GetUtcNow());
            var order = new SandboxOrder(seed.Id, seed.StatusId, products, [address], [], created)
            {
                DateModified = created,
                CustomerId = seed.CustomerId,
                BillingAddress = seed.BillingAddress,
                PaymentStatus = seed.PaymentStatus,
                PaymentMethod = seed.PaymentMethod,
                CurrencyCode = seed.CurrencyCode,
                ShippingCostExTax = seed.ShippingCost,
                ShippingTaxRate = seed.ShippingTaxRate,
                CustomerMessage = seed.CustomerMessage,
            };
            orders[seed.Id] = order;
            return order;
        }
    }

    /// <summary>Changes status and/or payment status, as a merchant does in the control panel; null when there is no such order.</summary>
    public SandboxOrder? Update(int id, int? statusId, string? paymentStatus)
    {
        lock (gate)
        {
            if (!orders.TryGetValue(id, out var order))
            {
                return null;
            }

            var status = statusId ?? order.StatusId;
            var updated = order with
            {
                StatusId = status,
                PaymentStatus = paymentStatus ?? order.PaymentStatus,
                RefundedAmount = status == BigCommerceOrderStatuses.Refunded ? order.TotalIncTax : order.RefundedAmount,
                DateModified = Bumped(order),
            };
            orders[id] = updated;
            return updated;
        }
    }

    /// <summary>Links order lines seeded before their SKU was in the catalog to the product that now holds it.</summary>
    public void Relink(Func<string, int> productIdOf)
    {
        lock (gate)
        {
            foreach (var order in orders.Values.ToList())
            {
                if (order.Products.Any(p => p.ProductId == 0 && p.Sku.Length > 0))
                {
                    orders[order.Id] = order with
                    {
                        Products = order.Products.Select(p => p.ProductId == 0 && p.Sku.Length > 0 ? p with { ProductId = productIdOf(p.Sku) } : p).ToList(),
                    };
                }
            }
        }
    }

    /// <summary>Ships from order <paramref name="orderId"/>: the new shipment, or BigCommerce's 400 message.</summary>
    public (SandboxShipment? Shipment, string? Rejection) Ship(int orderId, ShipmentInput input)
    {
        lock (gate)
        {
            if (!orders.TryGetValue(orderId, out var order))
            {
                return (null, "The requested resource was not found.");
            }

            if (order.ShippingAddresses.All(a => a.Id != input.OrderAddressId))
            {
                return (null, $"The field 'order_address_id' is invalid: order {orderId} has no shipping address {input.OrderAddressId}.");
            }

            var products = order.Products.ToDictionary(p => p.Id);
            foreach (var (orderProductId, quantity) in input.Items)
            {
                if (!products.TryGetValue(orderProductId, out var product))
                {
                    return (null, $"The field 'items' is invalid: order {orderId} has no order product {orderProductId}.");
                }

                var left = product.Quantity - product.QuantityShipped;
                if (quantity < 1 || quantity > left)
                {
                    return (null, $"The field 'items' is invalid: order product {orderProductId} ({product.Sku}) has {left} left to ship, not {quantity}.");
                }

                products[orderProductId] = product with { QuantityShipped = product.QuantityShipped + quantity };
            }

            var shipment = new SandboxShipment(
                nextShipmentId++, orderId, input.OrderAddressId, input.TrackingNumber, input.ShippingProvider, input.TrackingCarrier,
                input.TrackingLink, input.Comments,
                input.Items.Select(i => new SandboxShipmentItem(i.OrderProductId, products[i.OrderProductId].ProductId, i.Quantity)).ToList(),
                time.GetUtcNow());
            var shipped = order.Products.Select(p => products[p.Id]).ToList();
            orders[orderId] = order with
            {
                Products = shipped,
                Shipments = [.. order.Shipments, shipment],
                StatusId = shipped.All(p => p.QuantityShipped >= p.Quantity) ? BigCommerceOrderStatuses.Shipped : BigCommerceOrderStatuses.PartiallyShipped,
                DateModified = Bumped(order),
            };
            return (shipment, null);
        }
    }

    /// <summary>Now in whole seconds, and never earlier than the order's last change (a clock held still by a test still orders changes).</summary>
    private DateTimeOffset Bumped(SandboxOrder order)
    {
        var now = Seconds(time.GetUtcNow());
        return now > order.DateModified ? now : order.DateModified;
    }

    private static DateTimeOffset Seconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
