namespace ErpBridge.Connectors.Shopify;

/// <summary>What the connector read of one order to ship against it: open fulfillment order lines and the tracking numbers already fulfilled.</summary>
internal sealed record ShopifyOrderDetails(string OrderId, IReadOnlyList<ShopifyOpenLine> OpenLines, IReadOnlyDictionary<string, string> FulfillmentsByTrackingNumber);

/// <summary>A fulfillment order line that can still ship: its fulfillment order, its own id, SKU and remaining quantity.</summary>
internal sealed record ShopifyOpenLine(string FulfillmentOrderId, string LineItemId, string Sku, int Remaining);
