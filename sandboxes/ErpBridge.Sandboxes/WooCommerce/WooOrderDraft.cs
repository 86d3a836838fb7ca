namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// What a seeded order looks like beyond its lines; every part has a plausible default. Lines of a SKU in the catalog
/// take its product (or variation) id, name and price unless <see cref="WooOrderLineSeed.UnitPrice"/> says otherwise;
/// a line with an empty SKU is a custom item (product id 0).
/// </summary>
public sealed record WooOrderDraft
{
    public string Status { get; init; } = "processing";

    public string Currency { get; init; } = "EUR";

    /// <summary>Whether catalog prices are entered with tax (WooCommerce then stores the amounts without it, and says so in prices_include_tax).</summary>
    public bool PricesIncludeTax { get; init; }

    /// <summary>Tax rate applied to lines (after the coupon) and shipping, e.g. 0.19.</summary>
    public decimal TaxRate { get; init; } = 0.19m;

    /// <summary>0 for a guest order.</summary>
    public int CustomerId { get; init; } = 7;

    public WooAddress Billing { get; init; } = new("Anna", "Schmidt", "", "Hauptstraße 5", "", "Berlin", "BE", "10115", "DE", "anna.schmidt@example.com", "+49 30 1234567");

    /// <summary>Null: the same as billing (without e-mail), as checkout copies it.</summary>
    public WooAddress? Shipping { get; init; }

    public string ShippingMethodTitle { get; init; } = "Flat rate";

    public decimal ShippingTotal { get; init; } = 4.90m;

    /// <summary>A percent coupon applied to every line, when set.</summary>
    public (string Code, decimal Percent)? Coupon { get; init; }

    public string PaymentMethod { get; init; } = "stripe";

    public string PaymentMethodTitle { get; init; } = "Credit card";

    public string CustomerNote { get; init; } = "";

    /// <summary>Null: the sandbox clock's now.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Null: <see cref="CreatedAt"/>.</summary>
    public DateTimeOffset? ModifiedAt { get; init; }
}

/// <summary>One line of a seeded order.</summary>
public sealed record WooOrderLineSeed(string Sku, int Quantity, decimal? UnitPrice = null, string? Name = null);
