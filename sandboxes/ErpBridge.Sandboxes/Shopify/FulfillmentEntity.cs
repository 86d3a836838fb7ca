namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A fulfillment: what shipped (SKU and quantity), with its tracking details and the message it came with.</summary>
internal sealed class FulfillmentEntity(long number, string name, DateTimeOffset createdAt)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/Fulfillment/{Number}";

    public string Name { get; } = name;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public List<(string Sku, int Quantity)> Lines { get; } = [];

    public string? TrackingNumber { get; init; }

    public string? TrackingCompany { get; init; }

    public string? TrackingUrl { get; init; }

    public string? Message { get; init; }

    public bool NotifyCustomer { get; init; }
}
