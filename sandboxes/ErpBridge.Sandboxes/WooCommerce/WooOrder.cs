using System.Text.Json.Nodes;

namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// An order as the store holds it. Money is kept as decimals and written as WooCommerce's strings; times are UTC and
/// whole seconds, as WordPress stores them. The order number is the id (WooCommerce's default without a
/// sequential-number plugin).
/// </summary>
public sealed record WooOrder(
    int Id,
    string Status,
    string Currency,
    bool PricesIncludeTax,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? CompletedAt,
    int CustomerId,
    WooAddress Billing,
    WooAddress Shipping,
    string PaymentMethod,
    string PaymentMethodTitle,
    string TransactionId,
    string CustomerNote,
    IReadOnlyList<WooOrderLine> Lines,
    IReadOnlyList<WooShippingLine> ShippingLines,
    IReadOnlyList<WooCouponLine> CouponLines,
    IReadOnlyList<WooRefund> Refunds,
    IReadOnlyList<WooMeta> Meta,
    IReadOnlyList<WooOrderNote> Notes,
    IReadOnlyList<WooFulfillment> Fulfillments,
    decimal TaxRate)
{
    public string Number => WooJson.Number(Id);

    public decimal ShippingTotal => ShippingLines.Sum(s => s.Total);

    public decimal ShippingTax => ShippingLines.Sum(s => s.TotalTax);

    public decimal CartTax => Lines.Sum(l => l.TotalTax);

    public decimal DiscountTotal => Lines.Sum(l => l.Subtotal - l.Total);

    public decimal DiscountTax => Lines.Sum(l => l.SubtotalTax - l.TotalTax);

    public decimal TotalTax => CartTax + ShippingTax;

    public decimal Total => Lines.Sum(l => l.Total) + ShippingTotal + TotalTax;

    public WooOrderLine? LineBySku(string sku) => Lines.FirstOrDefault(l => l.Sku == sku);

    /// <summary>The meta entry with <paramref name="key"/>, or null.</summary>
    public WooMeta? MetaOf(string key) => Meta.FirstOrDefault(m => m.Key == key);
}

/// <summary>
/// An order line ("line item"). <see cref="Subtotal"/> is before coupons, <see cref="Total"/> after; both exclude tax,
/// as WooCommerce keeps them. <see cref="ProductId"/> is 0 for a line whose product no longer exists.
/// </summary>
public sealed record WooOrderLine(
    int Id, string Name, int ProductId, int VariationId, int Quantity, string Sku, decimal Price,
    decimal Subtotal, decimal SubtotalTax, decimal Total, decimal TotalTax);

/// <summary>A billing or shipping address; WooCommerce sends every field, empty when not entered. Email is billing-only.</summary>
public sealed record WooAddress(
    string FirstName = "", string LastName = "", string Company = "", string Address1 = "", string Address2 = "", string City = "",
    string State = "", string Postcode = "", string Country = "", string Email = "", string Phone = "")
{
    public static readonly WooAddress Empty = new();
}

public sealed record WooShippingLine(int Id, string MethodTitle, string MethodId, decimal Total, decimal TotalTax);

public sealed record WooCouponLine(int Id, string Code, decimal Discount, decimal DiscountTax);

public sealed record WooRefund(int Id, string Reason, decimal Total);

/// <summary>An order meta entry. WooCommerce stores any JSON value (arrays and objects serialized).</summary>
public sealed record WooMeta(int Id, string Key, JsonNode? Value);

/// <summary>An order note; customer notes are e-mailed to the customer by WooCommerce.</summary>
public sealed record WooOrderNote(int Id, string Author, DateTimeOffset CreatedAt, string Note, bool CustomerNote);

/// <summary>A fulfillment of the core fulfillments feature (WC 10.1+): its items and tracking live in <see cref="Meta"/>.</summary>
public sealed record WooFulfillment(int Id, int OrderId, string Status, bool IsFulfilled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<WooMeta> Meta)
{
    public string? MetaText(string key) => Meta.FirstOrDefault(m => m.Key == key)?.Value?.ToString();

    /// <summary>The <c>_items</c> entries: (line item id, quantity).</summary>
    public IReadOnlyList<(int ItemId, int Quantity)> Items =>
        Meta.FirstOrDefault(m => m.Key == "_items")?.Value is JsonArray items
            ? items.OfType<JsonObject>().Select(i => ((int)i["item_id"]!, (int)i["qty"]!)).ToList()
            : [];
}
