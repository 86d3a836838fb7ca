namespace ErpBridge.Sandboxes;

/// <summary>ErpBridge:Sandboxes:Magento.</summary>
public sealed class MagentoSandboxSettings
{
    /// <summary>Empty: not started. Accepts the integration's OAuth 1.0a-signed requests and admin tokens as bearer.</summary>
    public string? Url { get; set; }

    public string ConsumerKey { get; set; } = "";

    public string ConsumerSecret { get; set; } = "";

    public string AccessToken { get; set; } = "";

    public string AccessTokenSecret { get; set; } = "";
}
