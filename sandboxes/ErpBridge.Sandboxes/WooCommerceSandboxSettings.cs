namespace ErpBridge.Sandboxes;

/// <summary>ErpBridge:Sandboxes:WooCommerce.</summary>
public sealed class WooCommerceSandboxSettings
{
    /// <summary>Empty: not started. Plain HTTP, so clients sign with one-legged OAuth 1.0a as WooCommerce requires.</summary>
    public string? Url { get; set; }

    public string ConsumerKey { get; set; } = "";

    public string ConsumerSecret { get; set; } = "";

    /// <summary>Serve WooCommerce's core fulfillments API (WooCommerce 10.1+ with the feature on); off answers 404 rest_no_route.</summary>
    public bool FulfillmentsEnabled { get; set; }
}
