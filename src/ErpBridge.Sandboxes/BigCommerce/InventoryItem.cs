namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>A variant with its stock at each location where it has a level: one element of <c>GET v3/inventory/items</c>.</summary>
internal sealed record InventoryItem(SandboxVariant Variant, IReadOnlyList<(SandboxLocation Location, int Quantity)> Levels);

/// <summary>The filters of <c>GET v3/inventory/items</c>; null = not filtered on that.</summary>
internal sealed record InventoryItemFilter(
    IReadOnlySet<string>? Skus,
    IReadOnlySet<int>? VariantIds,
    IReadOnlySet<int>? ProductIds,
    IReadOnlySet<int>? LocationIds,
    IReadOnlySet<string>? LocationCodes);
