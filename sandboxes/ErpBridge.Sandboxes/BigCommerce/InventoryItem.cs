namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>A variant with its stock at each location where it has a level: one element of <c>GET v3/inventory/items</c>.</summary>
internal sealed record InventoryItem(SandboxVariant Variant, IReadOnlyList<InventoryItemLevel> Levels);

/// <summary>A variant's stock on hand at a location, and the safety stock held back from selling there.</summary>
internal sealed record InventoryItemLevel(SandboxLocation Location, int OnHand, int SafetyStock)
{
    /// <summary>BigCommerce: "Total inventory on hand minus the safety stock"; never below zero when safety stock is set.</summary>
    public int AvailableToSell => SafetyStock > 0 ? Math.Max(0, OnHand - SafetyStock) : OnHand;
}

/// <summary>The filters of <c>GET v3/inventory/items</c>; null = not filtered on that.</summary>
internal sealed record InventoryItemFilter(
    IReadOnlySet<string>? Skus,
    IReadOnlySet<int>? VariantIds,
    IReadOnlySet<int>? ProductIds,
    IReadOnlySet<int>? LocationIds,
    IReadOnlySet<string>? LocationCodes);
