namespace ErpBridge.Core.Routing;

/// <summary>What a shipment says about where it goes: the channel it names (null when none) and its order number.</summary>
/// <param name="ShipmentId">Named in a refusal, so that the ERP's operator finds the shipment.</param>
public sealed record ShipmentAddress(string? Channel, string OrderNumber, string ShipmentId);
