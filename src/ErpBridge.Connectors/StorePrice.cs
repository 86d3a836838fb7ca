namespace ErpBridge.Connectors;

/// <summary>A store's product found by SKU: its id (as plans use it) and its price, null when it has none.</summary>
internal sealed record StorePrice(string Id, decimal? Price);
