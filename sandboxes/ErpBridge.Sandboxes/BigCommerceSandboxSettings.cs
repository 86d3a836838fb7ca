namespace ErpBridge.Sandboxes;

/// <summary>ErpBridge:Sandboxes:BigCommerce.</summary>
public sealed class BigCommerceSandboxSettings
{
    /// <summary>Empty: not started.</summary>
    public string? Url { get; set; }

    public string StoreHash { get; set; } = "sandbox";

    public string AccessToken { get; set; } = "";

    /// <summary>Requests per window, as BigCommerce's standard plans: 150 per 30 s.</summary>
    public int Quota { get; set; } = 150;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);
}
