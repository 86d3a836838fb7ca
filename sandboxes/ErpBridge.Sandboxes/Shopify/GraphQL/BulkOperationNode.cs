using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>BulkOperation</c>: status, counts, and the signed result URL once completed.</summary>
internal sealed record BulkOperationNode(BulkOperationEntity Operation, ShopifyBulkOperations Operations) : IGraphNode
{
    public string TypeName => "BulkOperation";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Operation.Id,
        "status" => Operation.Status,
        "type" => "QUERY",
        "query" => Operation.Query,
        "errorCode" => Operation.ErrorCode,
        "createdAt" => Operation.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        "completedAt" => Operation.CompletedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        "objectCount" => Operation.ObjectCount.ToString(CultureInfo.InvariantCulture),
        "rootObjectCount" => Operation.RootObjectCount.ToString(CultureInfo.InvariantCulture),
        "fileSize" => Operation.Status == "COMPLETED" ? Operation.FileSize?.ToString(CultureInfo.InvariantCulture) : null,
        "url" => Operations.Url(Operation),
        "partialDataUrl" => null,
        _ => null,
    };
}
