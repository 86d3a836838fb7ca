namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A variant: SKU, price and barcode, with its own inventory item.</summary>
internal sealed class VariantEntity(long number, ProductEntity product, InventoryItemEntity item)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/ProductVariant/{Number}";

    public ProductEntity Product { get; } = product;

    public InventoryItemEntity Item { get; } = item;

    public string? Sku { get; set; }

    public string Price { get; set; } = "0.00";

    public string? Barcode { get; set; }

    public string Title { get; set; } = "Default Title";
}
