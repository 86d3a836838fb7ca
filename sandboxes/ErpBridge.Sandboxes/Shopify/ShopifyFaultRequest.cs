namespace ErpBridge.Sandboxes.Shopify;

/// <summary>Body of <c>POST /_sandbox/faults</c>, e.g. <c>{"failNext":2,"status":503,"delayMilliseconds":50,"rateLimit":{"enabled":true,"bucketSize":100,"restoreRate":50}}</c>.</summary>
public sealed record ShopifyFaultRequest(int? FailNext, int? Status, int? DelayMilliseconds, ShopifyRateLimitRequest? RateLimit);
