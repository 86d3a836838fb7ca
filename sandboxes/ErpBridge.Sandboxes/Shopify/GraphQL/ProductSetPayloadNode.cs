namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>ProductSetPayload</c>: the product when synchronous, the operation otherwise.</summary>
internal sealed record ProductSetPayloadNode(ProductSetResult Result, bool Synchronous, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "ProductSetPayload";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "product" => Synchronous && Result.Product is { } product ? new ProductNode(product, Store) : null,
        "productSetOperation" => Synchronous ? null : new ProductSetOperationNode(Result, Store),
        "userErrors" => Synchronous ? UserErrorNode.List("ProductSetUserError", Result.Errors) : new List<IGraphNode>(),
        _ => null,
    };
}
