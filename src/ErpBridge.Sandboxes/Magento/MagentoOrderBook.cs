namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// Orders and their shipments, behind one lock. Shipping validates as Magento's ShipOrder does: every item must belong
/// to the order, and no line may ship more than is left to ship (ordered minus already shipped); an order with
/// nothing left to ship refuses further shipments.
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
    public MagentoOrder Place(string incrementId, IEnumerable<(string Sku, int Quantity)> lines)
    {
        lock (gate)
        {
            if (orders.Values.FirstOrDefault(o => o.IncrementId == incrementId) is { } existing)
            {
                return existing;
            }

            var items = lines.Select(l => new MagentoOrderItem(nextItemId++, l.Sku, l.Quantity, 0)).ToList();
            var order = new MagentoOrder(nextOrderId++, incrementId, "processing", items);
            orders[order.Id] = order;
            return order;
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

            if (order.Items.All(i => i.QtyShipped >= i.QtyOrdered))
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

            orders[orderId] = order with
            {
                Items = order.Items.Select(i => requested.TryGetValue(i.ItemId, out var qty) ? i with { QtyShipped = i.QtyShipped + qty } : i).ToList(),
                State = order.Items.All(i => i.QtyShipped + requested.GetValueOrDefault(i.ItemId) >= i.QtyOrdered) ? "complete" : "processing",
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

    private static MagentoError ValidationError(string message) => new(400, "Shipment Document Validation Error(s):\n%1", [message]);
}
