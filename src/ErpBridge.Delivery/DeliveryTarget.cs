using ErpBridge.Connectors;

namespace ErpBridge.Delivery;

/// <summary>The channel a round delivers to, looked up once per round.</summary>
public sealed record DeliveryTarget(string Channel, string Platform, IChannelConnector Connector, IReadOnlyDictionary<string, string> MapParameters)
{
    /// <summary>The round's products drafted for lack of a price: decides the plans' own conditions and notes what outcomes change.</summary>
    public PriceDraftLedger Drafts { get; init; } = new();
}
