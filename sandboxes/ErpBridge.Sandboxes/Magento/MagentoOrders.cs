namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// An order line. <see cref="QtyShipped"/> grows with each shipment, and never past <see cref="QtyOrdered"/>. Prices
/// are without tax; <see cref="DiscountAmount"/> and <see cref="TaxAmount"/> are for the whole row. A configurable
/// product is two rows, as in Magento: the parent (product_type configurable, carrying the price, tax and discount)
/// and its simple child (<see cref="ParentItemId"/> set, price 0); both carry the child's SKU.
/// </summary>
public sealed record MagentoOrderItem(int ItemId, string Sku, decimal QtyOrdered, decimal QtyShipped)
{
    public string Name { get; init; } = Sku;

    public decimal Price { get; init; }

    public decimal DiscountAmount { get; init; }

    public decimal TaxPercent { get; init; }

    public decimal TaxAmount { get; init; }

    public string ProductType { get; init; } = "simple";

    public int? ParentItemId { get; init; }

    public decimal RowTotal => Price * QtyOrdered;
}

/// <summary>A postal address of an order (sales-data-order-address-interface).</summary>
public sealed record MagentoAddress(
    string FirstName,
    string LastName,
    IReadOnlyList<string> Street,
    string City,
    string PostCode,
    string CountryId,
    string Telephone)
{
    public string? Company { get; init; }

    public string? Region { get; init; }

    public string? RegionCode { get; init; }

    public string? Email { get; init; }
}

/// <summary>Who placed an order; <see cref="CustomerId"/> is null for a guest.</summary>
public sealed record MagentoCustomer(string Email, string? FirstName, string? LastName, int? CustomerId);

/// <summary>
/// A placed order: <see cref="IncrementId"/> is the order number the shop shows; <see cref="Id"/> the entity id the
/// API takes. <see cref="State"/> is Magento's state (new, pending_payment, processing, holded, complete, closed,
/// canceled); <see cref="Status"/> the status label code shown in the admin. Totals are derived from the lines.
/// </summary>
public sealed record MagentoOrder(int Id, string IncrementId, string State, IReadOnlyList<MagentoOrderItem> Items)
{
    public string Status { get; init; } = State;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string Currency { get; init; } = "EUR";

    public MagentoCustomer Customer { get; init; } = new("customer@example.com", "Demo", "Customer", null);

    public MagentoAddress? BillingAddress { get; init; }

    public MagentoAddress? ShippingAddress { get; init; }

    /// <summary>Carrier and method code, e.g. <c>flatrate_flatrate</c>; its title is <see cref="ShippingDescription"/>.</summary>
    public string? ShippingMethod { get; init; }

    public string? ShippingDescription { get; init; }

    public decimal ShippingAmount { get; init; }

    public decimal ShippingTaxAmount { get; init; }

    public string PaymentMethod { get; init; } = "checkmo";

    /// <summary>What was captured; equals <see cref="GrandTotal"/> once invoiced in full.</summary>
    public decimal TotalPaid { get; init; }

    public decimal TotalRefunded { get; init; }

    public string? CustomerNote { get; init; }

    /// <summary>The rows that are products in their own right: configurable children are part of their parent.</summary>
    public IEnumerable<MagentoOrderItem> TopLevelItems => Items.Where(i => i.ParentItemId is null);

    public decimal Subtotal => TopLevelItems.Sum(i => i.RowTotal);

    public decimal DiscountAmount => TopLevelItems.Sum(i => i.DiscountAmount);

    public decimal TaxAmount => TopLevelItems.Sum(i => i.TaxAmount) + ShippingTaxAmount;

    public decimal GrandTotal => Subtotal - DiscountAmount + ShippingAmount + TaxAmount;

    public MagentoOrderItem? ItemBySku(string sku) => Items.FirstOrDefault(i => string.Equals(i.Sku, sku, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A shipped order line.</summary>
public sealed record MagentoShipmentItem(int OrderItemId, string Sku, decimal Qty);

/// <summary>A shipment's tracking number, its carrier's title and Magento carrier code.</summary>
public sealed record MagentoTrack(string TrackNumber, string Title, string CarrierCode);

/// <summary>A shipment created by <c>POST V1/order/{orderId}/ship</c>, with its tracks and its comment (if any).</summary>
public sealed record MagentoShipment(
    int Id,
    string IncrementId,
    int OrderId,
    IReadOnlyList<MagentoShipmentItem> Items,
    IReadOnlyList<MagentoTrack> Tracks,
    string? Comment,
    DateTimeOffset CreatedAt);

/// <summary>What a ship request asks for: order item ids and quantities, tracks, an optional comment.</summary>
internal sealed record ShipmentInput(IReadOnlyList<(int OrderItemId, decimal Qty)> Items, IReadOnlyList<MagentoTrack> Tracks, string? Comment);
