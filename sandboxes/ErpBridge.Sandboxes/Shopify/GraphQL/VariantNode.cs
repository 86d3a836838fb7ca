using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>ProductVariant</c>.</summary>
internal sealed record VariantNode(VariantEntity Variant, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "ProductVariant";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Variant.Id,
        "legacyResourceId" => Variant.Number.ToString(CultureInfo.InvariantCulture),
        "sku" => Variant.Sku,
        "price" => Variant.Price,
        "barcode" => Variant.Barcode,
        "title" => Variant.Title,
        "displayName" => $"{Variant.Product.Title} - {Variant.Title}",
        "inventoryItem" => new InventoryItemNode(Variant.Item, Store),
        "product" => new ProductNode(Variant.Product, Store),
        _ => null,
    };
}
