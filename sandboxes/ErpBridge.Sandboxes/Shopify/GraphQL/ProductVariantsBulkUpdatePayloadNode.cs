namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>ProductVariantsBulkUpdatePayload</c>: the product, the variants updated, and the user errors.</summary>
internal sealed record ProductVariantsBulkUpdatePayloadNode(VariantsBulkUpdateResult Result, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "ProductVariantsBulkUpdatePayload";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "product" => Result.Product is { } product ? new ProductNode(product, Store) : null,
        "productVariants" => Result.Errors.Count > 0 && Result.Variants.Count == 0 ? null : Result.Variants.Select(v => (IGraphNode)new VariantNode(v, Store)).ToList(),
        "userErrors" => UserErrorNode.List("ProductVariantsBulkUpdateUserError", Result.Errors),
        _ => null,
    };
}
