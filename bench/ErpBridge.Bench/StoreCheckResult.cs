namespace ErpBridge.Bench;

/// <summary>How many shipment marks, stock levels and products were compared across the stores, and every difference found.</summary>
internal sealed record StoreCheckResult(int ShipmentMarks, int StockLevels, int Products, IReadOnlyList<string> Findings);
