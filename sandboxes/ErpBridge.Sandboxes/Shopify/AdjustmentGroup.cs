namespace ErpBridge.Sandboxes.Shopify;

/// <summary>What one applied <c>inventorySetQuantities</c> did; kept so an idempotent replay returns the same group.</summary>
internal sealed record AdjustmentGroup(string Id, DateTimeOffset CreatedAt, string Reason, string? ReferenceDocumentUri, IReadOnlyList<AdjustmentChange> Changes);
