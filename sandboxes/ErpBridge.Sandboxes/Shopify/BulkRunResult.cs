namespace ErpBridge.Sandboxes.Shopify;

/// <summary>What <c>bulkOperationRunQuery</c> did: the operation started, or why none was.</summary>
internal sealed record BulkRunResult(BulkOperationEntity? Operation, IReadOnlyList<UserError> Errors);
