namespace ErpBridge.Bench;

/// <summary>An order the bridge has fetched from a store: the channel and the shop's order number a shipment names.</summary>
internal sealed record BenchOrder(string Channel, string OrderNumber);
