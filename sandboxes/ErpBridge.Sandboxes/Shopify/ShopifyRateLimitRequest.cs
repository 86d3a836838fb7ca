namespace ErpBridge.Sandboxes.Shopify;

/// <summary>The cost bucket settings of a <see cref="ShopifyFaultRequest"/>; absent values stay as they are.</summary>
public sealed record ShopifyRateLimitRequest(bool? Enabled, double? BucketSize, double? RestoreRate);
