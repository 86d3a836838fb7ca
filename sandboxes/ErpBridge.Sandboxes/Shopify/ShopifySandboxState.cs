namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A consistent copy of the sandbox shop, taken under its lock; safe to read while requests keep coming.</summary>
public sealed record ShopifySandboxState(
    IReadOnlyList<ShopifyLocationState> Locations,
    IReadOnlyList<ShopifyProductState> Products,
    IReadOnlyList<ShopifyInventoryLevelState> InventoryLevels,
    IReadOnlyList<ShopifyMutationRecord> Mutations,
    IReadOnlyList<ShopifyOrderState> Orders)
{
    /// <summary>The order named <paramref name="orderNumber"/> ("1001" or "#1001"), or null.</summary>
    public ShopifyOrderState? Order(string orderNumber) =>
        Orders.FirstOrDefault(o => o.Name == (orderNumber.StartsWith('#') ? orderNumber : "#" + orderNumber));

    public IEnumerable<ShopifyVariantState> Variants => Products.SelectMany(p => p.Variants);

    public ShopifyVariantState? VariantBySku(string sku) => Variants.FirstOrDefault(v => v.Sku == sku);

    public ShopifyProductState? ProductBySku(string sku) => Products.FirstOrDefault(p => p.Variants.Any(v => v.Sku == sku));

    /// <summary>The <c>available</c> quantity of a SKU at a location (by name), or null when the item is not stocked there.</summary>
    public int? Available(string sku, string locationName)
    {
        var item = VariantBySku(sku)?.InventoryItemId;
        var location = Locations.FirstOrDefault(l => l.Name == locationName)?.Id;
        return InventoryLevels.FirstOrDefault(l => l.InventoryItemId == item && l.LocationId == location)?.Available;
    }
}
