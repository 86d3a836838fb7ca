namespace ErpBridge.Sandboxes.Shopify;

/// <summary>One tax charged on a line or on shipping: its name, rate (0.19 for 19 %) and amount.</summary>
internal sealed record OrderTaxLine(string Title, decimal Rate, decimal Amount);
