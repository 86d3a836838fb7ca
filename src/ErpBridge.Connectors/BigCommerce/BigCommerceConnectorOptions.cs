namespace ErpBridge.Connectors.BigCommerce;

/// <summary>Settings shared by every BigCommerce channel's connector.</summary>
public sealed class BigCommerceConnectorOptions
{
    /// <summary>One HTTP request, end to end; a timeout is a transient failure, retried later by the delivery job.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a found product, variant or location id is trusted.</summary>
    public TimeSpan FoundTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long "no such SKU/location" is trusted: short, because the product may be created any moment.</summary>
    public TimeSpan MissingTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SKUs per <c>sku:in</c> look-up; keeps the URL short and within one page.</summary>
    public int SkuLookupBatchSize { get; set; } = 50;

    /// <summary>Requests of each window left for other apps sharing the store's quota; the connector waits for the reset before using them.</summary>
    public int RateLimitReserve { get; set; }

    /// <summary>Connections per channel.</summary>
    public int MaxConnectionsPerChannel { get; set; } = 8;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FoundTtl, TimeSpan.Zero, nameof(FoundTtl));
        ArgumentOutOfRangeException.ThrowIfLessThan(MissingTtl, TimeSpan.Zero, nameof(MissingTtl));
        ArgumentOutOfRangeException.ThrowIfLessThan(SkuLookupBatchSize, 1, nameof(SkuLookupBatchSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SkuLookupBatchSize, 250, nameof(SkuLookupBatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(RateLimitReserve, nameof(RateLimitReserve));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnectionsPerChannel, 1, nameof(MaxConnectionsPerChannel));
    }
}
