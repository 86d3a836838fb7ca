namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>What the X-Rate-Limit-* headers of one response say.</summary>
internal readonly record struct RateLimitState(bool Allowed, int Left, int Quota, long WindowMs, long ResetMs);
