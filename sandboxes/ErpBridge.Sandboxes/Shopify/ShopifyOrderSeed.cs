namespace ErpBridge.Sandboxes.Shopify;

/// <summary>
/// An order to create in the sandbox (also the body of <c>POST /_sandbox/orders</c>). The sandbox works out taxes
/// and totals as Shopify does: each line's tax is its rate applied to the line after its discount (taken out of the
/// price when <see cref="TaxesIncluded"/>), rounded to cents.
/// </summary>
/// <param name="OrderNumber">The store's number; the order is named "#1001" for "1001".</param>
/// <param name="Lines">At least one line.</param>
public sealed record ShopifyOrderSeed(string OrderNumber, IReadOnlyList<ShopifyOrderSeedLine> Lines)
{
    /// <summary>The shop currency (ISO 4217) all amounts are in.</summary>
    public string Currency { get; init; } = "EUR";

    public bool TaxesIncluded { get; init; }

    /// <summary>An <c>OrderDisplayFinancialStatus</c>: PENDING, AUTHORIZED, PARTIALLY_PAID, PAID, PARTIALLY_REFUNDED, REFUNDED, VOIDED, EXPIRED.</summary>
    public string FinancialStatus { get; init; } = "PAID";

    /// <summary>The order's contact e-mail (a guest order has one without a customer).</summary>
    public string? Email { get; init; }

    public string? Phone { get; init; }

    /// <summary>The customer account; null for a guest checkout.</summary>
    public ShopifyOrderCustomer? Customer { get; init; }

    public ShopifyOrderAddress? BillingAddress { get; init; }

    public ShopifyOrderAddress? ShippingAddress { get; init; }

    /// <summary>The shipping line's title ("Standard"); no shipping line when null.</summary>
    public string? ShippingMethod { get; init; }

    public decimal ShippingPrice { get; init; }

    /// <summary>The tax rate on shipping (0.19 for 19 %).</summary>
    public decimal ShippingTaxRate { get; init; }

    public string? Note { get; init; }
}

/// <summary>A line to seed: SKU (null for a custom item), title, quantity, unit price, the line's whole discount and its tax rate (0.19 for 19 %).</summary>
public sealed record ShopifyOrderSeedLine(string? Sku, string Title, int Quantity, decimal UnitPrice, decimal Discount = 0, decimal TaxRate = 0);

/// <summary>A customer account of the shop.</summary>
public sealed record ShopifyOrderCustomer(string? Email, string? FirstName, string? LastName, string? Phone = null);

/// <summary>A mailing address as Shopify keeps it; every part may be missing.</summary>
public sealed record ShopifyOrderAddress
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Company { get; init; }

    public string? Address1 { get; init; }

    public string? Address2 { get; init; }

    public string? City { get; init; }

    public string? Province { get; init; }

    public string? Zip { get; init; }

    /// <summary>ISO 3166-1 alpha-2 (<c>countryCodeV2</c>).</summary>
    public string? CountryCode { get; init; }

    public string? Phone { get; init; }
}

/// <summary>A change to an order through <c>UpdateOrder</c> or <c>POST /_sandbox/orders/{number}/update</c>; null leaves a part as it is.</summary>
public sealed record ShopifyOrderUpdate(string? FinancialStatus = null, string? Note = null, ShopifyOrderAddress? ShippingAddress = null);

/// <summary>Body of <c>POST /_sandbox/orders/{number}/cancel</c>: whether the payment is refunded (else voided).</summary>
public sealed record ShopifyOrderCancel(bool Refund = true);
