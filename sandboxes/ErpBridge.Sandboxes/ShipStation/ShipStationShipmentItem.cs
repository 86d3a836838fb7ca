namespace ErpBridge.Sandboxes.ShipStation;

/// <summary>One line of a label: the order line's key, SKU and the quantity shipped.</summary>
public sealed record ShipStationShipmentItem(string? LineItemKey, string? Sku, string? Name, int Quantity);
