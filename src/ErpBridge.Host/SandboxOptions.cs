using System.Globalization;

namespace ErpBridge.Host;

/// <summary>
/// ErpBridge:Sandboxes: the platform sandboxes the bridge runs beside itself, so that a fresh checkout delivers
/// somewhere. The default configuration points its channels at them; a real store is a channel change, nothing more.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "ErpBridge:Sandboxes";

    public bool Enabled { get; set; }

    /// <summary>Location codes both sandboxes know (the ERP's plants / storage locations).</summary>
    public List<string> Locations { get; set; } = [];

    /// <summary>The catalogue: SkuCount SKUs named SkuPrefix + number, from SkuFrom.</summary>
    public string SkuPrefix { get; set; } = "MAT-";

    public int SkuFrom { get; set; } = 100000;

    public int SkuCount { get; set; } = 2000;

    /// <summary>Apply each platform's rate limit (Shopify's cost bucket, BigCommerce's request window).</summary>
    public bool RateLimits { get; set; } = true;

    public ShopifySandboxSettings Shopify { get; set; } = new();

    public BigCommerceSandboxSettings BigCommerce { get; set; } = new();

    public WooCommerceSandboxSettings WooCommerce { get; set; } = new();

    public MagentoSandboxSettings Magento { get; set; } = new();

    public ErpSandboxSettings Erp { get; set; } = new();

    public IEnumerable<string> Skus() =>
        Enumerable.Range(SkuFrom, Math.Max(0, SkuCount)).Select(n => SkuPrefix + n.ToString(CultureInfo.InvariantCulture));

    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }

        foreach (var (name, url) in new[] { ("Shopify", Shopify.Url), ("BigCommerce", BigCommerce.Url), ("WooCommerce", WooCommerce.Url), ("Magento", Magento.Url), ("Erp", Erp.Url) })
        {
            if (string.IsNullOrEmpty(url))
            {
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                yield return $"{Section}:{name}:Url: '{url}' is not an http URL.";
            }
            else if (!ListenAddresses.IsLoopback(url))
            {
                // The sandboxes accept published demo tokens: never on a reachable address.
                yield return $"{Section}:{name}:Url: sandboxes listen on loopback addresses only, not '{url}'.";
            }
        }

        if (SkuCount is < 0 or > 1_000_000)
        {
            yield return $"{Section}:SkuCount must be between 0 and 1000000.";
        }
    }
}

public sealed class ShopifySandboxSettings
{
    /// <summary>Empty: not started.</summary>
    public string? Url { get; set; }

    public string AccessToken { get; set; } = "";

    /// <summary>Cost bucket, as Shopify's standard plan: 2,000 points restored at 100 per second.</summary>
    public double BucketSize { get; set; } = 2000;

    public double RestoreRate { get; set; } = 100;
}

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

public sealed class WooCommerceSandboxSettings
{
    /// <summary>Empty: not started. Plain HTTP, so clients sign with one-legged OAuth 1.0a as WooCommerce requires.</summary>
    public string? Url { get; set; }

    public string ConsumerKey { get; set; } = "";

    public string ConsumerSecret { get; set; } = "";

    /// <summary>Serve WooCommerce's core fulfillments API (WooCommerce 10.1+ with the feature on); off answers 404 rest_no_route.</summary>
    public bool FulfillmentsEnabled { get; set; }
}

public sealed class ErpSandboxSettings
{
    /// <summary>Empty: not started. An SAP-style order receiver (wsdl/erp/ErpOrderReceiver.wsdl) that channels can push orders to.</summary>
    public string? Url { get; set; }

    public string UserName { get; set; } = "ERPBRIDGE";

    public string Password { get; set; } = "";
}

public sealed class MagentoSandboxSettings
{
    /// <summary>Empty: not started. Accepts the integration's OAuth 1.0a-signed requests and admin tokens as bearer.</summary>
    public string? Url { get; set; }

    public string ConsumerKey { get; set; } = "";

    public string ConsumerSecret { get; set; } = "";

    public string AccessToken { get; set; } = "";

    public string AccessTokenSecret { get; set; } = "";
}
