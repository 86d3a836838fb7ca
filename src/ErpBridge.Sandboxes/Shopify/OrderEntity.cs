namespace ErpBridge.Sandboxes.Shopify;

/// <summary>An order of the sandbox shop, named like Shopify's ("#1001"), with one fulfillment order holding all its lines.</summary>
internal sealed class OrderEntity(long number, string name)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/Order/{Number}";

    public string Name { get; } = name;

    public List<FulfillmentOrderEntity> FulfillmentOrders { get; } = [];

    public List<FulfillmentEntity> Fulfillments { get; } = [];
}
