using ErpBridge.Connectors;

namespace ErpBridge.Delivery;

/// <summary>The channel a round delivers to, looked up once per round.</summary>
public sealed record DeliveryTarget(string Channel, string Platform, IChannelConnector Connector, IReadOnlyDictionary<string, string> MapParameters);
