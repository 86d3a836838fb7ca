namespace ErpBridge.Sandboxes.Magento;

/// <summary>One entry of <c>POST V1/products/base-prices</c> (Magento's BasePriceInterface): a SKU's price at a store view.</summary>
internal sealed record BasePriceInput(string? Sku, decimal? Price, int? StoreId);
