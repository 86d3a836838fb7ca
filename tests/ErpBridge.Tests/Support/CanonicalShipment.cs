namespace ErpBridge.Tests.Support;

/// <summary>One shipment of an order, on a channel, as a canonical SubmitShipments message carries it.</summary>
public sealed record CanonicalShipment(string Channel, string OrderNumber, string ShipmentId, string Carrier, string TrackingNumber, string? TrackingUrl, params (string Sku, int Quantity)[] Lines);
