namespace ErpBridge.Connectors;

/// <summary>One line of a label: an order line's SKU and the quantity shipped.</summary>
public sealed record ShippedLine(string Sku, int Quantity);
