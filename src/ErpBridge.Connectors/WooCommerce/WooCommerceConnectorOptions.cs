using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>Settings shared by every WooCommerce channel's connector; the common ones are on <see cref="ConnectorOptions"/>.</summary>
public sealed class WooCommerceConnectorOptions : ConnectorOptions
{
    /// <summary>SKUs per <c>GET products?sku=A,B</c> look-up; at most 100, WordPress's largest page, so one page answers it.</summary>
    public int SkuLookupBatchSize { get; set; } = 50;

    /// <summary>HMAC-SHA256 (default) or HMAC-SHA1, for OAuth 1.0a over plain HTTP.</summary>
    public string OAuthSignatureMethod { get; set; } = OAuth1Signer.HmacSha256;

    /// <summary>
    /// Requests per second a channel's connector sends at most, evenly spaced; null (default) sends as fast as answers
    /// come. WooCommerce has no rate limit, but the host or WAF in front of a shop may: set this below it so that a
    /// reconciliation read of a whole catalog is not refused with 429 part-way.
    /// </summary>
    public double? MaxRequestsPerSecond { get; set; }

    internal override void Validate()
    {
        base.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(SkuLookupBatchSize, 1, nameof(SkuLookupBatchSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SkuLookupBatchSize, 100, nameof(SkuLookupBatchSize));
        FixedRatePacer.Validate(MaxRequestsPerSecond, nameof(MaxRequestsPerSecond));

        if (OAuthSignatureMethod is not (OAuth1Signer.HmacSha256 or OAuth1Signer.HmacSha1))
        {
            throw new ArgumentException($"OAuthSignatureMethod '{OAuthSignatureMethod}' is not HMAC-SHA256 or HMAC-SHA1.", nameof(OAuthSignatureMethod));
        }
    }
}
