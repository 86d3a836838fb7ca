namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>An asynchronous productSet: the sandbox applies it at once and reports the operation complete.</summary>
internal sealed record ProductSetOperationNode(ProductSetResult Result, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "ProductSetOperation";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => $"gid://shopify/ProductSetOperation/{Result.GetHashCode() & int.MaxValue}",
        "status" => "COMPLETE",
        "product" => Result.Product is { } product ? new ProductNode(product, Store) : null,
        "userErrors" => UserErrorNode.List("ProductSetUserError", Result.Errors),
        _ => null,
    };
}
