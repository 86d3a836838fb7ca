namespace ErpBridge.Sandboxes.ZohoInventory;

/// <summary>An inventory adjustment made, with its lines (item id, location id, quantity adjusted).</summary>
public sealed record ZohoSandboxAdjustment(
    string AdjustmentId, string Date, string Reason, string? ReferenceNumber, string? Description, IReadOnlyList<(string ItemId, string LocationId, decimal Quantity)> Lines);
