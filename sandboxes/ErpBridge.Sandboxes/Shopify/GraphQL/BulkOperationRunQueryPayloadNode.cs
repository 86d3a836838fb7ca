namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>BulkOperationRunQueryPayload</c>.</summary>
internal sealed record BulkOperationRunQueryPayloadNode(BulkRunResult Result, ShopifyBulkOperations Operations) : IGraphNode
{
    public string TypeName => "BulkOperationRunQueryPayload";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "bulkOperation" => Result.Operation is { } operation ? new BulkOperationNode(operation, Operations) : null,
        "userErrors" => UserErrorNode.List("BulkOperationUserError", Result.Errors),
        _ => null,
    };
}
