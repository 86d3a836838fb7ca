using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>Product</c>, with its variants as a connection.</summary>
internal sealed record ProductNode(ProductEntity Product, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "Product";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Product.Id,
        "legacyResourceId" => Product.Number.ToString(CultureInfo.InvariantCulture),
        "title" => Product.Title,
        "handle" => Product.Handle,
        "status" => Product.Status,
        "descriptionHtml" => Product.DescriptionHtml,
        "vendor" => Product.Vendor,
        "productType" => Product.ProductType,
        "variants" => new ConnectionNode("ProductVariantConnection", Product.Variants.Select(v => (IGraphNode)new VariantNode(v, Store)).ToList(), call.Arguments),
        _ => null,
    };
}
