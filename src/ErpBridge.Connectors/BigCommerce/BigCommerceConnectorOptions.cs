using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>Settings shared by every BigCommerce channel's connector; the common ones are on <see cref="ConnectorOptions"/>.</summary>
public sealed class BigCommerceConnectorOptions : ConnectorOptions
{
    public BigCommerceConnectorOptions()
    {
        MaxConnectionsPerChannel = 8;
    }

    /// <summary>SKUs per batched SKU look-up; keeps the URL short and the answer within one page.</summary>
    public int SkuLookupBatchSize { get; set; } = 50;

    /// <summary>Requests of each window left for other apps sharing the store's quota; the connector waits for the reset before using them.</summary>
    public int RateLimitReserve { get; set; }

    internal override void Validate()
    {
        base.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(SkuLookupBatchSize, 1, nameof(SkuLookupBatchSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SkuLookupBatchSize, 250, nameof(SkuLookupBatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(RateLimitReserve, nameof(RateLimitReserve));
    }
}
