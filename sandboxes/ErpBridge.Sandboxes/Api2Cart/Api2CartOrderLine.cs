namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>An order line; <see cref="Model"/> is the SKU as API2Cart's order lines name it, null for a custom line.</summary>
public sealed record Api2CartOrderLine(string OrderProductId, string? ProductId, string? Model, string Name, decimal Price, int Quantity, decimal TaxValue, decimal DiscountAmount);
