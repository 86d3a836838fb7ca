using System.Globalization;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// The reference kinds a WooCommerce plan may ask for. All are keyed by SKU and answered by one look-up
/// (<c>GET products?sku=</c> returns products and variations alike):
/// <c>product</c> the id of the simple or variable product with the SKU; <c>variation</c> the id of the variation
/// with the SKU; <c>variation-parent</c> that variation's product id (for <c>products/{pid}/variations/{id}</c>);
/// <c>stock-item</c> whichever of the two holds the SKU: in a <c>products/batch</c> update, entries whose stock-item is a
/// variation are sent to their parent's <c>variations/batch</c> instead.
/// </summary>
internal static class WooCommerceReferenceKinds
{
    public const string Product = "product";
    public const string Variation = "variation";
    public const string VariationParent = "variation-parent";
    public const string StockItem = "stock-item";

    public static bool IsKnown(string kind) => kind is Product or Variation or VariationParent or StockItem;

    /// <summary>The id <paramref name="kind"/> asks for, given what the SKU names (null: not found or not of that kind).</summary>
    public static string? Select(string kind, WooCatalogItem? item) => (kind, item) switch
    {
        (_, null) => null,
        (Product, { IsVariation: false } i) => Text(i.Id),
        (Variation, { IsVariation: true } i) => Text(i.Id),
        (VariationParent, { IsVariation: true } i) => Text(i.ParentId),
        (StockItem, { } i) => Text(i.Id),
        _ => null,
    };

    public static string NotFound(string kind, string key, WooCatalogItem? item, string channel) => (kind, item) switch
    {
        (Product, { IsVariation: true }) => $"SKU '{key}' is a variation, not a product, on channel '{channel}'",
        (Variation or VariationParent, { IsVariation: false }) => $"SKU '{key}' is a product, not a variation, on channel '{channel}'",
        (Product or Variation or VariationParent or StockItem, _) => $"SKU '{key}' has no product or variation on channel '{channel}'",
        _ => $"reference kind '{kind}' (key '{key}') is not one the WooCommerce connector resolves (product, variation, variation-parent, stock-item)",
    };

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
