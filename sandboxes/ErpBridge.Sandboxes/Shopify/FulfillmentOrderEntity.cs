namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A fulfillment order: the lines of an order one location ships, with what is left to ship of each.</summary>
internal sealed class FulfillmentOrderEntity(long number, OrderEntity order)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/FulfillmentOrder/{Number}";

    public OrderEntity Order { get; } = order;

    public List<FulfillmentOrderLineEntity> LineItems { get; } = [];

    /// <summary>Set when the order is cancelled: nothing more ships from it.</summary>
    public bool Cancelled { get; set; }

    /// <summary>OPEN until something ships, IN_PROGRESS while lines remain, CLOSED when all shipped; CANCELLED with its order.</summary>
    public string Status => Cancelled ? "CANCELLED" : LineItems.All(l => l.Remaining == 0) ? "CLOSED" : LineItems.Any(l => l.Remaining < l.Total) ? "IN_PROGRESS" : "OPEN";
}
