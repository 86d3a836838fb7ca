using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.Shopify;

/// <summary>Settings shared by every Shopify channel; defaults suit a real shop. The common ones are on <see cref="ConnectorOptions"/>.</summary>
public sealed class ShopifyConnectorOptions : ConnectorOptions
{
    /// <summary>The API version used when a channel does not pin one.</summary>
    public const string DefaultApiVersion = "2026-01";

    public ShopifyConnectorOptions()
    {
        ConnectTimeout = TimeSpan.FromSeconds(10);
        MaxConnectionsPerChannel = 16;
    }

    /// <summary>The longest the pacer waits for the cost bucket before sending anyway (the answer may then be THROTTLED).</summary>
    public TimeSpan MaxPacingWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a reconciliation read is told to wait before asking again while a bulk query still runs.</summary>
    public TimeSpan BulkPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    internal override void Validate()
    {
        base.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPacingWait, TimeSpan.Zero, nameof(MaxPacingWait));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BulkPollInterval, TimeSpan.Zero, nameof(BulkPollInterval));
    }
}
