namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>ProductUpdatePayload</c>: the product as updated, and the user errors.</summary>
internal sealed record ProductUpdatePayloadNode(ProductUpdateResult Result, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "ProductUpdatePayload";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "product" => Result.Product is { } product ? new ProductNode(product, Store) : null,
        "userErrors" => UserErrorNode.List("UserError", Result.Errors),
        _ => null,
    };
}
