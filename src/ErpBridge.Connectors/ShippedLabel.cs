namespace ErpBridge.Connectors;

/// <summary>A label a shipping system bought for an order the bridge forwarded to it.</summary>
/// <param name="ShipmentId">The shipping system's id of the label.</param>
/// <param name="OrderKey">The key the bridge gave the order: its OrderId, <c>{store channel}:{platform order id}</c>.</param>
/// <param name="CreatedAt">When the label was created, in UTC (the poll's cursor).</param>
/// <param name="Voided">A voided label ships nothing.</param>
/// <param name="Lines">SKUs and quantities the label ships; empty when the system did not say.</param>
public sealed record ShippedLabel(
    string ShipmentId,
    string OrderKey,
    string OrderNumber,
    DateTimeOffset CreatedAt,
    string Carrier,
    string TrackingNumber,
    string? TrackingUrl,
    bool Voided,
    IReadOnlyList<ShippedLine> Lines);
