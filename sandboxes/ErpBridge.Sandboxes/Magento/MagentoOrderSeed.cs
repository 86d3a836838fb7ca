namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// One line of a seeded order: <paramref name="Price"/> is the unit price without tax. Tax is
/// <see cref="TaxPercent"/> of the row after its <see cref="Discount"/>, rounded to cents, as Magento computes it
/// by default (tax after discount, prices excluding tax).
/// </summary>
public sealed record MagentoOrderLineSeed(string Sku, int Quantity, decimal Price)
{
    /// <summary>The product name on the line; "Product {sku}" when not given.</summary>
    public string? Name { get; init; }

    /// <summary>The cart-rule discount Magento allocated to this row.</summary>
    public decimal Discount { get; init; }

    public decimal TaxPercent { get; init; }

    /// <summary>
    /// When set, the line is this configurable product ordered in the variant <see cref="Sku"/>: Magento stores a
    /// parent row (the configurable, with price, tax and discount) and a child row (the simple, price 0).
    /// </summary>
    public string? ConfigurableName { get; init; }
}

/// <summary>
/// An order to place in the sandbox. Defaults: state processing, paid in full, a registered customer, flat-rate
/// shipping of 5.00 to the billing address, EUR. Set <see cref="Customer"/> with a null id for a guest order, a
/// different <see cref="ShippingAddress"/> to ship elsewhere, <see cref="Paid"/> false for an order awaiting payment.
/// </summary>
public sealed record MagentoOrderSeed(string IncrementId, IReadOnlyList<MagentoOrderLineSeed> Lines)
{
    public string State { get; init; } = "processing";

    /// <summary>The status code; the state's default status when null (processing → processing, new → pending, ...).</summary>
    public string? Status { get; init; }

    public string Currency { get; init; } = "EUR";

    public MagentoCustomer Customer { get; init; } = new("jane.doe@example.com", "Jane", "Doe", 1);

    /// <summary>The billing address; a German address of the customer when null.</summary>
    public MagentoAddress? BillingAddress { get; init; }

    /// <summary>Where the order ships; the billing address when null.</summary>
    public MagentoAddress? ShippingAddress { get; init; }

    public string ShippingMethod { get; init; } = "flatrate_flatrate";

    public string ShippingDescription { get; init; } = "Flat Rate - Fixed";

    public decimal ShippingAmount { get; init; } = 5m;

    public decimal ShippingTaxPercent { get; init; }

    public bool Paid { get; init; } = true;

    public string? CustomerNote { get; init; }

    /// <summary>The default status of a Magento order state.</summary>
    public static string DefaultStatus(string state) => state switch
    {
        "new" => "pending",
        "pending_payment" => "pending_payment",
        "holded" => "holded",
        "payment_review" => "payment_review",
        "complete" => "complete",
        "closed" => "closed",
        "canceled" => "canceled",
        _ => "processing",
    };
}
