namespace ErpBridge.Sandboxes;

/// <summary>ErpBridge:Sandboxes:Shopify.</summary>
public sealed class ShopifySandboxSettings
{
    /// <summary>Empty: not started.</summary>
    public string? Url { get; set; }

    public string AccessToken { get; set; } = "";

    /// <summary>Cost bucket, as Shopify's standard plan: 2,000 points restored at 100 per second.</summary>
    public double BucketSize { get; set; } = 2000;

    public double RestoreRate { get; set; } = 100;
}
