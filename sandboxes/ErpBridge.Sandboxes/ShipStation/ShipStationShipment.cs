namespace ErpBridge.Sandboxes.ShipStation;

/// <summary>A label bought in the sandbox for one of its orders (a v1 "shipment"), with the lines it ships.</summary>
public sealed record ShipStationShipment(
    long ShipmentId,
    long OrderId,
    string OrderKey,
    string OrderNumber,
    DateTimeOffset CreatedAt,
    string CarrierCode,
    string ServiceCode,
    string TrackingNumber,
    bool Voided,
    IReadOnlyList<ShipStationShipmentItem> Items);
