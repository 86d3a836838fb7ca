namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// The store's orders (v2): seeded by tests and the demo, shipped by the connector. A shipment is refused, as
/// BigCommerce refuses it, when its address is not the order's or it ships more of a product than is left to ship.
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

    /// <summary>Creates (or replaces) order <paramref name="id"/> with one product per line and one shipping address.</summary>
    public SandboxOrder Seed(int id, IEnumerable<(string Sku, int Quantity)> lines, Func<string, int> productIdOf)
    {
        lock (gate)
        {
            var products = lines.Select(line => new SandboxOrderProduct(
                nextOrderProductId++, id, productIdOf(line.Sku), line.Sku, $"Product {line.Sku}", line.Quantity, 0)).ToList();
            var address = new SandboxShippingAddress(nextAddressId++, id, "Ada", "Lovelace", "1 Market St", "Austin", "78701", "US");
            var order = new SandboxOrder(id, "Awaiting Fulfillment", products, [address], [], time.GetUtcNow());
            orders[id] = order;
            return order;
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
                Status = shipped.All(p => p.QuantityShipped >= p.Quantity) ? "Shipped" : "Partially Shipped",
            };
            return (shipment, null);
        }
    }
}
