namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// Orders and their shipments, behind one lock. Shipping validates as Magento's ShipOrder does: every item must belong
/// to the order, and no line may ship more than is left to ship (ordered minus already shipped); an order with
/// nothing left to ship refuses further shipments. Every change bumps the order's updated time (the sandbox's clock).
/// </summary>
internal sealed class MagentoOrderBook(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, MagentoOrder> orders = [];
    private readonly List<MagentoShipment> shipments = [];
    private int nextOrderId = 1;
    private int nextItemId = 1;
    private int nextShipmentId = 1;

    /// <summary>Places an order with that increment id, or returns the one already holding it.</summary>
    public MagentoOrder Place(MagentoOrderSeed seed)
    {
        lock (gate)
        {
            if (orders.Values.FirstOrDefault(o => o.IncrementId == seed.IncrementId) is { } existing)
            {
                return existing;
            }

            var id = nextOrderId++;
            var items = new List<MagentoOrderItem>();
            foreach (var line in seed.Lines)
            {
                var taxable = (line.Price * line.Quantity) - line.Discount;
                var row = new MagentoOrderItem(nextItemId++, line.Sku, line.Quantity, 0)
                {
                    Name = line.ConfigurableName ?? line.Name ?? $"Product {line.Sku}",
                    Price = line.Price,
                    DiscountAmount = line.Discount,
                    TaxPercent = line.TaxPercent,
                    TaxAmount = Math.Round(taxable * line.TaxPercent / 100m, 2, MidpointRounding.AwayFromZero),
                    ProductType = line.ConfigurableName is null ? "simple" : "configurable",
                };
                items.Add(row);
                if (line.ConfigurableName is not null)
                {
                    items.Add(new MagentoOrderItem(nextItemId++, line.Sku, line.Quantity, 0)
                    {
                        Name = line.Name ?? $"Product {line.Sku}",
                        ParentItemId = row.ItemId,
                    });
                }
            }

            var now = Now();
            var billing = seed.BillingAddress ?? new MagentoAddress(
                seed.Customer.FirstName ?? "Jane", seed.Customer.LastName ?? "Doe", ["Hauptstraße 1"], "Berlin", "10115", "DE", "+49 30 1234567")
            {
                Email = seed.Customer.Email,
            };
            var order = new MagentoOrder(id, seed.IncrementId, seed.State, items)
            {
                Status = seed.Status ?? MagentoOrderSeed.DefaultStatus(seed.State),
                CreatedAt = now,
                UpdatedAt = now,
                Currency = seed.Currency,
                Customer = seed.Customer,
                BillingAddress = billing,
                ShippingAddress = seed.ShippingAddress ?? billing,
                ShippingMethod = seed.ShippingMethod,
                ShippingDescription = seed.ShippingDescription,
                ShippingAmount = seed.ShippingAmount,
                ShippingTaxAmount = Math.Round(seed.ShippingAmount * seed.ShippingTaxPercent / 100m, 2, MidpointRounding.AwayFromZero),
                CustomerNote = seed.CustomerNote,
            };
            order = order with { TotalPaid = seed.Paid ? order.GrandTotal : 0m };
            if (seed.State == "closed")
            {
                order = order with { TotalRefunded = order.TotalPaid };
            }

            orders[id] = order;
            return order;
        }
    }

    /// <summary>
    /// Moves an order to <paramref name="state"/> (and <paramref name="status"/>, or the state's default) and bumps
    /// its updated time, as any change in Magento does. Closing an order refunds what was paid, as a full credit memo
    /// does; completing a pending order marks it paid. Null when there is no order with that increment id.
    /// </summary>
    public MagentoOrder? Update(string incrementId, string state, string? status)
    {
        lock (gate)
        {
            if (orders.Values.FirstOrDefault(o => o.IncrementId == incrementId) is not { } order)
            {
                return null;
            }

            var updated = order with { State = state, Status = status ?? MagentoOrderSeed.DefaultStatus(state), UpdatedAt = Now() };
            updated = state switch
            {
                "closed" => updated with { TotalRefunded = updated.TotalPaid },
                "complete" or "processing" when updated.TotalPaid == 0 => updated with { TotalPaid = updated.GrandTotal },
                _ => updated,
            };
            orders[order.Id] = updated;
            return updated;
        }
    }

    public IReadOnlyList<MagentoOrder> Orders(Func<MagentoOrder, bool> filter)
    {
        lock (gate)
        {
            return orders.Values.Where(filter).OrderBy(o => o.Id).ToList();
        }
    }

    public IReadOnlyList<MagentoShipment> Shipments(Func<MagentoShipment, bool> filter)
    {
        lock (gate)
        {
            return shipments.Where(filter).ToList();
        }
    }

    public (MagentoShipment? Shipment, MagentoError? Error) Ship(int orderId, ShipmentInput input)
    {
        lock (gate)
        {
            if (!orders.TryGetValue(orderId, out var order))
            {
                return (null, new MagentoError(404, "The entity that was requested doesn't exist. Verify the entity and try again."));
            }

            if (order.TopLevelItems.All(i => i.QtyShipped >= i.QtyOrdered))
            {
                return (null, ValidationError("The order does not allow a shipment to be created."));
            }

            if (input.Items.Count == 0 || input.Items.All(i => i.Qty <= 0))
            {
                return (null, ValidationError("You can't create a shipment without products."));
            }

            var requested = new Dictionary<int, decimal>();
            foreach (var (itemId, qty) in input.Items)
            {
                if (order.Items.All(i => i.ItemId != itemId))
                {
                    return (null, ValidationError($"The order item {itemId} does not belong to order {order.IncrementId}."));
                }

                requested[itemId] = requested.GetValueOrDefault(itemId) + qty;
            }

            foreach (var item in order.Items.Where(i => requested.ContainsKey(i.ItemId)))
            {
                if (requested[item.ItemId] > item.QtyOrdered - item.QtyShipped)
                {
                    return (null, new MagentoError(400, "Shipment Document Validation Error(s):\n%1",
                        [$"You can't create a shipment of \"{item.Sku}\": {requested[item.ItemId]:0.####} requested, {item.QtyOrdered - item.QtyShipped:0.####} left to ship."]));
                }
            }

            var complete = order.TopLevelItems.All(i => i.QtyShipped + requested.GetValueOrDefault(i.ItemId) >= i.QtyOrdered);
            orders[orderId] = order with
            {
                UpdatedAt = Now(),
                Items = order.Items.Select(i => requested.TryGetValue(i.ItemId, out var qty) ? i with { QtyShipped = i.QtyShipped + qty } : i).ToList(),
                State = complete ? "complete" : "processing",
                Status = complete ? "complete" : "processing",
            };
            var id = nextShipmentId++;
            var shipment = new MagentoShipment(
                id,
                (100000000 + id).ToString(System.Globalization.CultureInfo.InvariantCulture),
                orderId,
                input.Items.Select(i => new MagentoShipmentItem(i.OrderItemId, order.Items.First(o => o.ItemId == i.OrderItemId).Sku, i.Qty)).ToList(),
                input.Tracks,
                input.Comment,
                time.GetUtcNow());
            shipments.Add(shipment);
            return (shipment, null);
        }
    }

    public (IReadOnlyList<MagentoOrder> Orders, IReadOnlyList<MagentoShipment> Shipments) Snapshot()
    {
        lock (gate)
        {
            return (orders.Values.OrderBy(o => o.Id).ToList(), [.. shipments]);
        }
    }

    /// <summary>The sandbox's clock, to the second: Magento keeps its timestamps without fractions.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static MagentoError ValidationError(string message) => new(400, "Shipment Document Validation Error(s):\n%1", [message]);
}
