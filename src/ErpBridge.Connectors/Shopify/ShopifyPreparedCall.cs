using ErpBridge.Mapping.Plans;

namespace ErpBridge.Connectors.Shopify;

/// <summary>A plan call made concrete: URL and JSON body with ids filled in, or why it is skipped or cannot be sent.</summary>
internal sealed record ShopifyPreparedCall(PlanCall Call, Uri Url, byte[]? Body, string? SkipReason, string? Unresolved);
