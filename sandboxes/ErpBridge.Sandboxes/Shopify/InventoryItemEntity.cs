namespace ErpBridge.Sandboxes.Shopify;

/// <summary>An inventory item: the stock-keeping side of a variant, with its weight.</summary>
internal sealed class InventoryItemEntity(long number)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/InventoryItem/{Number}";

    public double? WeightValue { get; set; }

    public string WeightUnit { get; set; } = "KILOGRAMS";

    public bool Tracked { get; set; } = true;
}
