namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>A consistent copy of the store: products (simple and variable) and variations, and the orders with their notes and fulfillments.</summary>
public sealed record WooCommerceSandboxState(IReadOnlyList<WooProduct> Products, IReadOnlyList<WooProduct> Variations)
{
    public IReadOnlyList<WooOrder> Orders { get; init; } = [];

    /// <summary>The order with <paramref name="id"/> (= its number), or null.</summary>
    public WooOrder? Order(int id) => Orders.FirstOrDefault(o => o.Id == id);

    /// <summary>The product or variation with <paramref name="sku"/>, or null.</summary>
    public WooProduct? BySku(string sku) =>
        Products.FirstOrDefault(p => p.Sku == sku) ?? Variations.FirstOrDefault(v => v.Sku == sku);

    /// <summary>The managed stock quantity of <paramref name="sku"/>, or null when unknown or not managed.</summary>
    public int? StockOf(string sku) => BySku(sku) is { ManageStock: true } item ? item.StockQuantity : null;
}
