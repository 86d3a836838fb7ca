namespace ErpBridge.Orders;

/// <summary>What one shipment poll did.</summary>
/// <param name="Accepted">Labels that became new shipment messages (a label read again is a duplicate and not counted).</param>
/// <param name="Skipped">Labels of no forwarded order, voided, or without lines.</param>
/// <param name="Error">Why the poll stopped early; null when it read every page.</param>
public sealed record ShipmentPollResult(string Channel, int Accepted, int Skipped, DateTimeOffset Cursor, string? Error);
