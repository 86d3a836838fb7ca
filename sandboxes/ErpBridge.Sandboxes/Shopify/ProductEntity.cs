namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A product and its variants, in position order.</summary>
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
