namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>A consistent copy of the sandbox's cart: products and orders (with their shipments).</summary>
public sealed record Api2CartSandboxState(IReadOnlyList<Api2CartProduct> Products, IReadOnlyList<Api2CartOrder> Orders)
{
    public Api2CartProduct? ProductBySku(string sku) => Products.FirstOrDefault(p => p.Sku == sku);

    /// <summary>The SKU's quantity in <paramref name="warehouse"/> (null: the product's own quantity); null when there is none.</summary>
    public decimal? QuantityOf(string sku, string? warehouse = null) =>
        ProductBySku(sku) is not { } product ? null
        : warehouse is null ? product.Quantity
        : product.Warehouses.TryGetValue(warehouse, out var quantity) ? quantity : null;

    public Api2CartOrder? OrderByNumber(string orderId) => Orders.FirstOrDefault(o => o.OrderId == orderId);
}
