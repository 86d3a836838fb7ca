namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>An order of the sandbox's cart: <see cref="Id"/> is API2Cart's id, <see cref="OrderId"/> the store's order number.</summary>
public sealed record Api2CartOrder(
    string Id,
    string OrderId,
    string Status,
    string Currency,
    string CustomerId,
    string Email,
    string FirstName,
    string LastName,
    IReadOnlyList<Api2CartOrderLine> Lines,
    decimal Shipping,
    decimal TotalPaid,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt,
    IReadOnlyList<Api2CartShipment> Shipments)
{
    public decimal Subtotal => Lines.Sum(l => l.Price * l.Quantity);

    public decimal Discount => Lines.Sum(l => l.DiscountAmount);

    public decimal Tax => Lines.Sum(l => l.TaxValue);

    public decimal Total => Subtotal - Discount + Tax + Shipping;
}
