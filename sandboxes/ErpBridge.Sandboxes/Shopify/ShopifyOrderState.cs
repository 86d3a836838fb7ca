namespace ErpBridge.Sandboxes.Shopify;

/// <summary>An order as the sandbox holds it: its lines with what remains to ship, the fulfillments made, its statuses and times.</summary>
public sealed record ShopifyOrderState(string Id, string Name, IReadOnlyList<ShopifyOrderLineState> Lines, IReadOnlyList<ShopifyFulfillmentState> Fulfillments)
{
    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Shopify's <c>displayFinancialStatus</c> (PAID, REFUNDED...).</summary>
    public string FinancialStatus { get; init; } = "";

    /// <summary>Shopify's <c>displayFulfillmentStatus</c> (UNFULFILLED, PARTIALLY_FULFILLED, FULFILLED).</summary>
    public string FulfillmentStatus { get; init; } = "";

    public decimal TotalPrice { get; init; }

    /// <summary>What is still to ship of a SKU on this order.</summary>
    public int Remaining(string sku) => Lines.Where(l => l.Sku == sku).Sum(l => l.Remaining);
}

/// <summary>A fulfillment order line: SKU, ordered and remaining quantity, with its ids.</summary>
public sealed record ShopifyOrderLineState(string FulfillmentOrderId, string FulfillmentOrderLineItemId, string Sku, int Quantity, int Remaining);

/// <summary>A fulfillment with its tracking details, as the connector sent them.</summary>
public sealed record ShopifyFulfillmentState(
    string Id,
    string Name,
    IReadOnlyList<ShopifyFulfilledLineState> Lines,
    string? TrackingNumber,
    string? TrackingCompany,
    string? TrackingUrl,
    string? Message,
    bool NotifyCustomer);

/// <summary>A SKU and the quantity one fulfillment shipped of it.</summary>
public sealed record ShopifyFulfilledLineState(string Sku, int Quantity);

/// <summary>The ids of a seeded order: the order, its fulfillment order and the fulfillment order line item of each SKU.</summary>
public sealed record ShopifySeededOrder(string OrderId, string Name, string FulfillmentOrderId, IReadOnlyDictionary<string, string> LineItemIdsBySku)
{
    /// <summary>The numeric id of the order GID (what the connector reports as PlatformOrderId).</summary>
    public string LegacyResourceId { get; init; } = "";

    /// <summary>The GIDs of the order's line items, in order.</summary>
    public IReadOnlyList<string> LineItemIds { get; init; } = [];
}
