using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.Magento;

/// <summary>Settings shared by every Magento channel's connector; the common ones are on <see cref="ConnectorOptions"/>.</summary>
public sealed class MagentoConnectorOptions : ConnectorOptions
{
    public MagentoConnectorOptions()
    {
        RequestTimeout = TimeSpan.FromSeconds(60);
    }

    /// <summary>
    /// The store code in <c>/rest/{store}/</c> when a channel's BaseUrl does not name one. <c>all</c> saves product
    /// values at the global (admin) scope; through <c>default</c> Magento stores names and descriptions as overrides
    /// of the default store view, which later edits at the global scope no longer show. Stock is not scoped.
    /// </summary>
    public string DefaultStoreCode { get; set; } = "all";

    /// <summary>
    /// The most requests per second a channel sends, spaced evenly; null (the default) sends them as fast as they come,
    /// since Magento core has no rate limit on its admin REST API. Set it below the limit of a proxy, WAF or CDN in
    /// front of the store (e.g. Fastly rate limiting on Adobe Commerce Cloud) so that long reads do not run into 429s.
    /// </summary>
    public double? MaxRequestsPerSecond { get; set; }

    internal override void Validate()
    {
        base.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(DefaultStoreCode, nameof(DefaultStoreCode));
        FixedRatePacer.Validate(MaxRequestsPerSecond, nameof(MaxRequestsPerSecond));
    }
}
