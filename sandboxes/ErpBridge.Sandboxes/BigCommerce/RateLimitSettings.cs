namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>The rate limit as configured.</summary>
public sealed record RateLimitSettings(bool Enabled, int Quota, TimeSpan Window);
