namespace ErpBridge.Connectors.Shopify;

/// <summary>Settings shared by every Shopify channel; defaults suit a real shop.</summary>
public sealed class ShopifyConnectorSettings
{
    /// <summary>The API version used when a channel does not pin one.</summary>
    public const string DefaultApiVersion = "2026-01";

    /// <summary>How long one HTTP call may take before it counts as a (transient) timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Concurrent connections per channel.</summary>
    public int MaxConnectionsPerServer { get; set; } = 16;

    /// <summary>How long a found id (variant, inventory item, product, location) is reused without asking again.</summary>
    public TimeSpan FoundTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long "not found" is believed: short, so that a product created meanwhile is soon seen.</summary>
    public TimeSpan MissingTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest the pacer waits for the cost bucket before sending anyway (the answer may then be THROTTLED).</summary>
    public TimeSpan MaxPacingWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a reconciliation read is told to wait before asking again while a bulk query still runs.</summary>
    public TimeSpan BulkPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
