namespace ErpBridge.Sandboxes.Shopify;

/// <summary>
/// An order of the sandbox shop, named like Shopify's ("#1001"): what the customer bought at which prices, taxes and
/// discounts, who and where to, its statuses and times, and one fulfillment order holding all its lines.
/// </summary>
internal sealed class OrderEntity(long number, string name, DateTimeOffset createdAt)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/Order/{Number}";

    public string Name { get; } = name;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Bumped by every change, as Shopify does; the orders search filters and sorts on it.</summary>
    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>An <c>OrderDisplayFinancialStatus</c> value.</summary>
    public string FinancialStatus { get; set; } = "PAID";

    public string Currency { get; set; } = "EUR";

    public bool TaxesIncluded { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Note { get; set; }

    public long? CustomerNumber { get; set; }

    public ShopifyOrderCustomer? Customer { get; set; }

    public ShopifyOrderAddress? BillingAddress { get; set; }

    public ShopifyOrderAddress? ShippingAddress { get; set; }

    public string? ShippingMethod { get; set; }

    /// <summary>The shipping price as charged (tax included when <see cref="TaxesIncluded"/>).</summary>
    public decimal ShippingPrice { get; set; }

    public decimal ShippingTaxRate { get; set; }

    public decimal ShippingTax { get; set; }

    public List<OrderLineEntity> Lines { get; } = [];

    public List<FulfillmentOrderEntity> FulfillmentOrders { get; } = [];

    public List<FulfillmentEntity> Fulfillments { get; } = [];

    /// <summary>The line items after their discounts (Shopify's <c>subtotalPriceSet</c>).</summary>
    public decimal Subtotal => Lines.Sum(l => l.Total);

    public decimal TotalDiscounts => Lines.Sum(l => l.Discount);

    public decimal TotalTax => Lines.Sum(l => l.Tax) + ShippingTax;

    /// <summary>What the customer pays: tax is added on top unless the prices already include it.</summary>
    public decimal TotalPrice => Subtotal + ShippingPrice + (TaxesIncluded ? 0 : TotalTax);

    /// <summary>Shopify's <c>displayFulfillmentStatus</c>, from what remains to ship.</summary>
    public string FulfillmentStatus
    {
        get
        {
            var lines = FulfillmentOrders.SelectMany(f => f.LineItems).ToList();
            if (lines.Count == 0 || lines.All(l => l.Remaining == l.Total))
            {
                return "UNFULFILLED";
            }

            return lines.All(l => l.Remaining == 0) ? "FULFILLED" : "PARTIALLY_FULFILLED";
        }
    }
}
