namespace ErpBridge.Sandboxes.Shopify;

/// <summary>One mutation field received: its arguments as JSON and what came of it (applied, replayed, rejected: CODE).</summary>
public sealed record ShopifyMutationRecord(long Sequence, DateTimeOffset ReceivedAt, string Mutation, string? IdempotencyKey, string ArgumentsJson, string Result);
