namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A line item of an order: what was bought, at which unit price, less which discount, with which taxes.</summary>
internal sealed class OrderLineEntity(long number, string? sku, string title, int quantity, decimal unitPrice, decimal discount)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/LineItem/{Number}";

    public string? Sku { get; } = sku;

    public string Title { get; } = title;

    public int Quantity { get; } = quantity;

    public decimal UnitPrice { get; } = unitPrice;

    /// <summary>The line's whole discount (Shopify's <c>totalDiscountSet</c>), not per unit.</summary>
    public decimal Discount { get; } = discount;

    public List<OrderTaxLine> TaxLines { get; } = [];

    public decimal Tax => TaxLines.Sum(t => t.Amount);

    /// <summary>Quantity × unit price less the discount; includes tax when the order's prices do.</summary>
    public decimal Total => (Quantity * UnitPrice) - Discount;
}
