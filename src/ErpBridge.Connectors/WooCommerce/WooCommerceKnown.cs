namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// What a plan's references name on the store: SKUs in the catalog (null = none), orders by number (null = none), and
/// the price kinds of <see cref="ProductPrices"/> (null = none).
/// </summary>
internal sealed record WooCommerceKnown(Dictionary<string, WooCommerceCatalogItem?> Items, Dictionary<string, WooCommerceOrderFacts?> Orders)
{
    public Dictionary<ReferenceKey, string?> Prices { get; init; } = [];

    /// <summary>A copy that a running plan updates with what its calls create, while conditions keep reading the original.</summary>
    public WooCommerceKnown Copy() => new(new(Items, StringComparer.Ordinal), new(Orders, StringComparer.Ordinal)) { Prices = new(Prices) };
}
