namespace ErpBridge.Sandboxes.Shopify;

/// <summary>
/// Body of <c>POST /_sandbox/seed</c>: <c>{"skus":["A","B"],"orders":[{"orderNumber":"1001","lines":[{"sku":"A","quantity":2}]}]}</c>.
/// </summary>
public sealed record ShopifySeedRequest(IReadOnlyList<string>? Skus, IReadOnlyList<ShopifySeedOrder>? Orders = null);

/// <summary>An order to seed: its number (named "#1001" in the shop) and its lines.</summary>
public sealed record ShopifySeedOrder(string OrderNumber, IReadOnlyList<ShopifySeedOrderLine> Lines);

/// <summary>A line of an order to seed.</summary>
public sealed record ShopifySeedOrderLine(string Sku, int Quantity);
