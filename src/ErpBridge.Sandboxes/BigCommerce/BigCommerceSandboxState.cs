namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>A consistent copy of the store.</summary>
public sealed record BigCommerceSandboxState(
    IReadOnlyList<SandboxProduct> Products,
    IReadOnlyList<SandboxVariant> Variants,
    IReadOnlyList<SandboxLocation> Locations,
    IReadOnlyList<SandboxInventoryLevel> Inventory)
{
    public SandboxProduct? ProductBySku(string sku) => Products.FirstOrDefault(p => p.Sku == sku);

    /// <summary>The quantity of <paramref name="sku"/> at the location coded <paramref name="locationCode"/>, or null when never set.</summary>
    public int? StockOf(string sku, string locationCode) =>
        Inventory.FirstOrDefault(i => i.Sku == sku && i.LocationCode == locationCode)?.Quantity;
}
