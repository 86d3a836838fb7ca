namespace ErpBridge.Connectors.Magento;

/// <summary>Settings shared by every Magento channel's connector.</summary>
public sealed class MagentoConnectorOptions
{
    /// <summary>One HTTP request, end to end; a timeout is a transient failure, retried later by the delivery job.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a found MSI source code is trusted.</summary>
    public TimeSpan FoundTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long "no such source" is trusted: short, because the merchant may add it any moment.</summary>
    public TimeSpan MissingTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The store code in <c>/rest/{store}/</c> when a channel's BaseUrl does not name one. <c>all</c> saves product
    /// values at the global (admin) scope; through <c>default</c> Magento stores names and descriptions as overrides
    /// of the default store view, which later edits at the global scope no longer show. Stock is not scoped.
    /// </summary>
    public string DefaultStoreCode { get; set; } = "all";

    /// <summary>Connections per channel.</summary>
    public int MaxConnectionsPerChannel { get; set; } = 4;

    /// <summary>
    /// The most requests per second a channel sends, spaced evenly; null (the default) sends them as fast as they come,
    /// since Magento core has no rate limit on its admin REST API. Set it below the limit of a proxy, WAF or CDN in
    /// front of the store (e.g. Fastly rate limiting on Adobe Commerce Cloud) so that long reads do not run into 429s.
    /// </summary>
    public double? MaxRequestsPerSecond { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FoundTtl, TimeSpan.Zero, nameof(FoundTtl));
        ArgumentOutOfRangeException.ThrowIfLessThan(MissingTtl, TimeSpan.Zero, nameof(MissingTtl));
        ArgumentException.ThrowIfNullOrWhiteSpace(DefaultStoreCode, nameof(DefaultStoreCode));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnectionsPerChannel, 1, nameof(MaxConnectionsPerChannel));
        if (MaxRequestsPerSecond is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestsPerSecond), rate, "MaxRequestsPerSecond must be a positive number, or null for no pacing.");
        }
    }
}
