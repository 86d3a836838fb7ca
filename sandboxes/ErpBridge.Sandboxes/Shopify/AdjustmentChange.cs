namespace ErpBridge.Sandboxes.Shopify;

/// <summary>One quantity changed by an adjustment group, as <c>InventoryChange</c> reports it.</summary>
internal sealed record AdjustmentChange(string Name, int Delta, int QuantityAfterChange, InventoryItemEntity Item, LocationEntity Location);
