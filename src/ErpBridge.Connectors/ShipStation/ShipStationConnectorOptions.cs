using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.ShipStation;

/// <summary>Settings shared by every ShipStation channel's connector; the common ones are on <see cref="ConnectorOptions"/>.</summary>
public sealed class ShipStationConnectorOptions : ConnectorOptions
{
    public ShipStationConnectorOptions()
    {
        // 40 requests a minute per API key: more connections would only wait in the pacer.
        MaxConnectionsPerChannel = 2;
    }

    /// <summary>Requests of each minute left for other apps using the same API key; the connector waits for the reset before using them.</summary>
    public int RateLimitReserve { get; set; }

    internal override void Validate()
    {
        base.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(RateLimitReserve, nameof(RateLimitReserve));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RateLimitReserve, 39, nameof(RateLimitReserve));
    }
}
