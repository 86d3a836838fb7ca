namespace ErpBridge.Connectors.WooCommerce;

/// <summary>Settings shared by every WooCommerce channel's connector.</summary>
public sealed class WooCommerceConnectorOptions
{
    /// <summary>One HTTP request, end to end; a timeout is a transient failure, retried later by the delivery job.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a found product or variation id is trusted.</summary>
    public TimeSpan FoundTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long "no such SKU" is trusted: short, because the product may be created any moment.</summary>
    public TimeSpan MissingTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SKUs per <c>GET products?sku=A,B</c> look-up; at most 100, WordPress's largest page, so one page answers it.</summary>
    public int SkuLookupBatchSize { get; set; } = 50;

    /// <summary>Connections per channel. A self-hosted shop is often a small server: keep this low.</summary>
    public int MaxConnectionsPerChannel { get; set; } = 4;

    /// <summary>HMAC-SHA256 (default) or HMAC-SHA1, for OAuth 1.0a over plain HTTP.</summary>
    public string OAuthSignatureMethod { get; set; } = "HMAC-SHA256";

    /// <summary>
    /// Requests per second a channel's connector sends at most, evenly spaced; null (default) sends as fast as answers
    /// come. WooCommerce has no rate limit, but the host or WAF in front of a shop may: set this below it so that a
    /// reconciliation read of a whole catalog is not refused with 429 part-way.
    /// </summary>
    public double? MaxRequestsPerSecond { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FoundTtl, TimeSpan.Zero, nameof(FoundTtl));
        ArgumentOutOfRangeException.ThrowIfLessThan(MissingTtl, TimeSpan.Zero, nameof(MissingTtl));
        ArgumentOutOfRangeException.ThrowIfLessThan(SkuLookupBatchSize, 1, nameof(SkuLookupBatchSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SkuLookupBatchSize, 100, nameof(SkuLookupBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnectionsPerChannel, 1, nameof(MaxConnectionsPerChannel));
        if (MaxRequestsPerSecond is { } rate && (!double.IsFinite(rate) || rate <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestsPerSecond), rate, "MaxRequestsPerSecond must be a positive number, or null for no pacing.");
        }
        if (OAuthSignatureMethod is not ("HMAC-SHA256" or "HMAC-SHA1"))
        {
            throw new ArgumentException($"OAuthSignatureMethod '{OAuthSignatureMethod}' is not HMAC-SHA256 or HMAC-SHA1.", nameof(OAuthSignatureMethod));
        }
    }
}
