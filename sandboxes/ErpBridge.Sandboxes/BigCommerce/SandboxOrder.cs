namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// A v2 order as the sandbox holds it: status, customer, addresses, lines with prices and taxes, and the shipments made
/// so far. Amounts that BigCommerce derives (subtotals, totals, taxes) are derived here the same way, from the lines
/// and the shipping cost, so that an order always adds up.
/// </summary>
public sealed record SandboxOrder(
    int Id,
    int StatusId,
    IReadOnlyList<SandboxOrderProduct> Products,
    IReadOnlyList<SandboxShippingAddress> ShippingAddresses,
    IReadOnlyList<SandboxShipment> Shipments,
    DateTimeOffset DateCreated)
{
    /// <summary>The status as BigCommerce names it (<c>status</c>), from <see cref="StatusId"/>.</summary>
    public string Status => BigCommerceOrderStatuses.Name(StatusId);

    /// <summary>Last change (<c>date_modified</c>), whole seconds as v2 reports it; the list's changed-since filter reads it.</summary>
    public DateTimeOffset DateModified { get; init; }

    /// <summary>0 for a guest order.</summary>
    public int CustomerId { get; init; }

    public SandboxAddress BillingAddress { get; init; } = SandboxAddress.Demo;

    /// <summary>One of v2's payment statuses: authorized, captured, paid, pending, refunded, partially refunded, void, declined, ...</summary>
    public string PaymentStatus { get; init; } = "captured";

    public string PaymentMethod { get; init; } = "Credit Card";

    public string CurrencyCode { get; init; } = "USD";

    public decimal ShippingCostExTax { get; init; }

    /// <summary>Tax rate applied to the shipping cost (0.0825 = 8.25 %).</summary>
    public decimal ShippingTaxRate { get; init; }

    /// <summary>What the customer wrote at checkout (<c>customer_message</c>).</summary>
    public string CustomerMessage { get; init; } = "";

    public decimal RefundedAmount { get; init; }

    public decimal SubtotalExTax => Products.Sum(p => p.TotalExTax);

    public decimal SubtotalTax => Products.Sum(p => p.TotalTax);

    public decimal SubtotalIncTax => SubtotalExTax + Products.Sum(p => p.PriceTax * p.Quantity);

    public decimal ShippingCostTax => Money.Round(ShippingCostExTax * ShippingTaxRate);

    /// <summary>The lines' discounts together; BigCommerce reports an order's discount as the sum it shared out to the lines.</summary>
    public decimal DiscountAmount => Products.Sum(p => p.Discount);

    public decimal TotalTax => SubtotalTax + ShippingCostTax;

    public decimal TotalExTax => SubtotalExTax + ShippingCostExTax - DiscountAmount;

    public decimal TotalIncTax => TotalExTax + TotalTax;

    public SandboxOrderProduct? ProductBySku(string sku) => Products.FirstOrDefault(p => p.Sku == sku);
}

/// <summary>
/// An order line: <see cref="Id"/> is the <c>order_product_id</c> shipments name. <see cref="Sku"/> is empty for a
/// custom product (one not in the catalog); <see cref="ProductId"/> is then 0.
/// </summary>
public sealed record SandboxOrderProduct(int Id, int OrderId, int ProductId, string Sku, string Name, int Quantity, int QuantityShipped)
{
    public decimal PriceExTax { get; init; } = 10m;

    /// <summary>0.0825 = 8.25 %.</summary>
    public decimal TaxRate { get; init; }

    /// <summary>The discount applied to the whole line (all units), shown as one applied discount.</summary>
    public decimal Discount { get; init; }

    public decimal PriceTax => Money.Round(PriceExTax * TaxRate);

    public decimal PriceIncTax => PriceExTax + PriceTax;

    public decimal TotalExTax => PriceExTax * Quantity;

    public decimal TotalIncTax => PriceIncTax * Quantity;

    /// <summary>Tax on the line after its discount, as BigCommerce computes it: (price_ex_tax × quantity − discount) × rate.</summary>
    public decimal TotalTax => Money.Round((TotalExTax - Discount) * TaxRate);

    public decimal DiscountedTotalIncTax => TotalExTax - Discount + TotalTax;
}

/// <summary>Where an order ships to; <see cref="Id"/> is the <c>order_address_id</c> shipments name.</summary>
public sealed record SandboxShippingAddress(int Id, int OrderId, SandboxAddress Address, string ShippingMethod);

/// <summary>A shipment of an order, with the tracking details it was created with.</summary>
public sealed record SandboxShipment(
    int Id,
    int OrderId,
    int OrderAddressId,
    string TrackingNumber,
    string ShippingProvider,
    string TrackingCarrier,
    string TrackingLink,
    string Comments,
    IReadOnlyList<SandboxShipmentItem> Items,
    DateTimeOffset DateCreated);

/// <summary>How many of an order product a shipment ships.</summary>
public sealed record SandboxShipmentItem(int OrderProductId, int ProductId, int Quantity);
