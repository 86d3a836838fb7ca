namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// An order to place in the sandbox store (<see cref="BigCommerceSandbox.SeedOrder(SandboxOrderSeed)"/>). Everything
/// but the id and the lines has a plausible default: a paid order of a registered customer, awaiting fulfillment,
/// shipped to the billing address.
/// </summary>
public sealed record SandboxOrderSeed(int Id, IReadOnlyList<SandboxOrderLineSeed> Lines)
{
    public int StatusId { get; init; } = BigCommerceOrderStatuses.AwaitingFulfillment;

    public string PaymentStatus { get; init; } = "captured";

    public string PaymentMethod { get; init; } = "Credit Card";

    /// <summary>0 places a guest order.</summary>
    public int CustomerId { get; init; } = 1;

    public SandboxAddress BillingAddress { get; init; } = SandboxAddress.Demo;

    /// <summary>Null ships to the billing address.</summary>
    public SandboxAddress? ShippingAddress { get; init; }

    public string ShippingMethod { get; init; } = "Flat Rate";

    public decimal ShippingCost { get; init; }

    public decimal ShippingTaxRate { get; init; }

    public string CurrencyCode { get; init; } = "USD";

    public string CustomerMessage { get; init; } = "";

    /// <summary>Null: now, on the sandbox's clock. The order's modified time starts equal to it.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
