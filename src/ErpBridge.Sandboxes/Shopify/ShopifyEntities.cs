namespace ErpBridge.Sandboxes.Shopify;

/// <summary>The sandbox's mutable records. Only touched under <see cref="ShopifyStore.Gate"/>.</summary>
internal sealed class LocationEntity(long number, string name)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/Location/{Number}";

    public string Name { get; } = name;

    public bool IsActive { get; set; } = true;
}

internal sealed class ProductEntity(long number)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/Product/{Number}";

    public string Title { get; set; } = "";

    public string Handle { get; set; } = "";

    public string DescriptionHtml { get; set; } = "";

    public string Status { get; set; } = "ACTIVE";

    public string Vendor { get; set; } = "";

    public string ProductType { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    public List<VariantEntity> Variants { get; } = [];
}

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

internal sealed class InventoryItemEntity(long number)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/InventoryItem/{Number}";

    public double? WeightValue { get; set; }

    public string WeightUnit { get; set; } = "KILOGRAMS";

    public bool Tracked { get; set; } = true;
}

internal sealed record AdjustmentGroup(string Id, DateTimeOffset CreatedAt, string Reason, string? ReferenceDocumentUri, IReadOnlyList<AdjustmentChange> Changes);

internal sealed record AdjustmentChange(string Name, int Delta, int QuantityAfterChange, InventoryItemEntity Item, LocationEntity Location);

/// <summary>A validation problem reported in a payload's <c>userErrors</c>.</summary>
internal sealed record UserError(IReadOnlyList<string>? Field, string Message, string? Code);
