using System.Globalization;
using System.Net;

namespace ErpBridge.Sandboxes;

/// <summary>
/// ErpBridge:Sandboxes: the platform sandboxes, so that a fresh checkout delivers somewhere. The Development
/// configuration points the bridge's demo channels at them; a real store is a channel change, nothing more.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "ErpBridge:Sandboxes";

    /// <summary>The Debug host's switch for starting them beside itself in Development; their own process always serves.</summary>
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

    public Api2CartSandboxSettings Api2Cart { get; set; } = new();

    public ErpSandboxSettings Erp { get; set; } = new();

    public ZohoInventorySandboxSettings ZohoInventory { get; set; } = new();
    public ShipStationSandboxSettings ShipStation { get; set; } = new();

    public IEnumerable<string> Skus() =>
        Enumerable.Range(SkuFrom, Math.Max(0, SkuCount)).Select(n => SkuPrefix + n.ToString(CultureInfo.InvariantCulture));

    public IEnumerable<string> Validate()
    {
        foreach (var (name, url) in new[] { ("Shopify", Shopify.Url), ("BigCommerce", BigCommerce.Url), ("WooCommerce", WooCommerce.Url), ("Magento", Magento.Url), ("Api2Cart", Api2Cart.Url), ("ZohoInventory", ZohoInventory.Url), ("ShipStation", ShipStation.Url), ("Erp", Erp.Url) })
        {
            if (string.IsNullOrEmpty(url))
            {
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                yield return $"{Section}:{name}:Url: '{url}' is not an http URL.";
            }
            else if (!IsLoopback(uri))
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

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
