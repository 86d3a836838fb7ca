namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A variant with what the bridge writes to it: SKU, price, barcode, weight, and its inventory item.</summary>
public sealed record ShopifyVariantState(string Id, string ProductId, string? Sku, string Price, string? Barcode, string InventoryItemId, double? WeightValue, string WeightUnit);
