namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>A consistent copy of the store: catalog, inventory and orders.</summary>
public sealed record BigCommerceSandboxState(
    IReadOnlyList<SandboxProduct> Products,
    IReadOnlyList<SandboxVariant> Variants,
    IReadOnlyList<SandboxLocation> Locations,
    IReadOnlyList<SandboxInventoryLevel> Inventory)
{
    /// <summary>The v2 orders, each with its products (quantity shipped) and shipments.</summary>
    public IReadOnlyList<SandboxOrder> Orders { get; init; } = [];

    public SandboxOrder? Order(int id) => Orders.FirstOrDefault(o => o.Id == id);

    public SandboxProduct? ProductBySku(string sku) => Products.FirstOrDefault(p => p.Sku == sku);

    /// <summary>The quantity of <paramref name="sku"/> at the location coded <paramref name="locationCode"/>, or null when never set.</summary>
    public int? StockOf(string sku, string locationCode) =>
        Inventory.FirstOrDefault(i => i.Sku == sku && i.LocationCode == locationCode)?.Quantity;
}
