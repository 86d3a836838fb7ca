namespace ErpBridge.Sandboxes.Shopify;

/// <summary>One line of a fulfillment order: a SKU, its ordered quantity and how much of it is still to ship.</summary>
internal sealed class FulfillmentOrderLineEntity(long number, long lineItemNumber, string sku, int total)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/FulfillmentOrderLineItem/{Number}";

    public string LineItemId => $"gid://shopify/LineItem/{lineItemNumber}";

    public string Sku { get; } = sku;

    public int Total { get; } = total;

    public int Remaining { get; set; } = total;
}
