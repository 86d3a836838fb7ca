namespace ErpBridge.Sandboxes.Shopify;

/// <summary>One level of <c>POST /_sandbox/stock</c>: a SKU's available quantity at a location, by name.</summary>
public sealed record ShopifyStockSeed(string Sku, string Location, long Quantity);
