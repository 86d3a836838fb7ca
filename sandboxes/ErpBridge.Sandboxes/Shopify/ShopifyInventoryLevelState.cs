namespace ErpBridge.Sandboxes.Shopify;

/// <summary>The <c>available</c> quantity of one inventory item at one location.</summary>
public sealed record ShopifyInventoryLevelState(string InventoryItemId, string LocationId, int Available);
