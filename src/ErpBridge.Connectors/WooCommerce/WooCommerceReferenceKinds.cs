using System.Globalization;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// The reference kinds a WooCommerce plan may ask for.
/// Catalog kinds are keyed by SKU and answered by one look-up (<c>GET products?sku=</c> returns products and
/// variations alike): <c>product</c> the id of the simple or variable product with the SKU; <c>variation</c> the id of
/// the variation with the SKU; <c>variation-parent</c> that variation's product id (for
/// <c>products/{pid}/variations/{id}</c>); <c>stock-item</c> whichever of the two holds the SKU: in a
/// <c>products/batch</c> update, entries whose stock-item is a variation are sent to their parent's
/// <c>variations/batch</c> instead.
/// Order kinds are keyed by the order number (the order id), alone or followed by '/' and a SKU or ERP ShipmentId:
/// <c>order</c> the order id; <c>order-item</c> ("{order}/{sku}") the id of the order's line item with the SKU;
/// <c>fulfillment</c> ("{order}/{shipment}") the core fulfillment recorded for the ShipmentId (meta
/// <c>_erpbridge_shipment_id</c>); <c>order-shipment</c> ("{order}/{shipment}") found when the order carries meta
/// <c>_erpbridge_shipment_{shipment}</c>; <c>order-note</c> ("{order}/{shipment}") a note with the line
/// "ERP shipment: {shipment}"; <c>order-completion</c> ("{order}/{shipment}") "completed" when every line of the order
/// is fully shipped counting the shipments recorded on it and the <c>{item_id, qty}</c> entries of the call that asks,
/// otherwise not found.
/// </summary>
internal static class WooCommerceReferenceKinds
{
    public const string Product = "product";
    public const string Variation = "variation";
    public const string VariationParent = "variation-parent";
    public const string StockItem = "stock-item";
    public const string Order = "order";
    public const string OrderItem = "order-item";
    public const string Fulfillment = "fulfillment";
    public const string OrderShipment = "order-shipment";
    public const string OrderNote = "order-note";
    public const string OrderCompletion = "order-completion";

    public static bool IsKnown(string kind) => kind is Product or Variation or VariationParent or StockItem || IsOrderKind(kind);

    public static bool IsOrderKind(string kind) => kind is Order or OrderItem or Fulfillment or OrderShipment or OrderNote or OrderCompletion;

    /// <summary>The order number of an order kind's key: the key itself for <c>order</c>, the part before the first '/' otherwise.</summary>
    public static string OrderNumber(string kind, string key) => kind == Order ? key : Split(key).Order;

    /// <summary>"{order}/{rest}" → (order, rest); the order number holds no '/', a SKU or ShipmentId may.</summary>
    public static (string Order, string Part) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>The id <paramref name="kind"/> asks for, given what the SKU names (null: not found or not of that kind).</summary>
    public static string? Select(string kind, WooCommerceCatalogItem? item) => (kind, item) switch
    {
        (_, null) => null,
        (Product, { IsVariation: false } i) => Text(i.Id),
        (Variation, { IsVariation: true } i) => Text(i.Id),
        (VariationParent, { IsVariation: true } i) => Text(i.ParentId),
        (StockItem, { } i) => Text(i.Id),
        _ => null,
    };

    /// <summary>
    /// What an order kind resolves to, given the order (null: no such order). <paramref name="shipping"/> is what the
    /// asking call ships, for <c>order-completion</c>.
    /// </summary>
    public static string? SelectOrder(string kind, string key, WooCommerceOrderFacts? order, IEnumerable<ShippedItem> shipping)
    {
        if (order is null)
        {
            return null;
        }

        var rest = Split(key).Part;
        return kind switch
        {
            Order => Text(order.Id),
            OrderItem => order.Lines.FirstOrDefault(l => l.Sku.Length > 0 && l.Sku == rest) is { } line ? Text(line.Id) : null,
            Fulfillment => order.Fulfillments?.TryGetValue(rest, out var id) == true ? Text(id) : null,
            OrderShipment => order.RecordedShipments.ContainsKey(rest) ? rest : null,
            OrderNote => order.NoteFor(rest) is { } note ? Text(note) : null,
            OrderCompletion => order.CompletedBy(rest, shipping) ? "completed" : null,
            _ => null,
        };
    }

    public static string NotFound(string kind, string key, WooCommerceCatalogItem? item, string channel) => (kind, item) switch
    {
        (Product, { IsVariation: true }) => $"SKU '{key}' is a variation, not a product, on channel '{channel}'",
        (Variation or VariationParent, { IsVariation: false }) => $"SKU '{key}' is a product, not a variation, on channel '{channel}'",
        (Product or Variation or VariationParent or StockItem, _) => $"SKU '{key}' has no product or variation on channel '{channel}'",
        (Order, _) => $"order '{key}' was not found on channel '{channel}' (WooCommerce order numbers are order ids)",
        (OrderItem, _) => $"order '{Split(key).Order}' has no line with SKU '{Split(key).Part}' on channel '{channel}'",
        (Fulfillment or OrderShipment or OrderNote or OrderCompletion, _) => $"{kind} '{key}' was not found on channel '{channel}'",
        _ => $"reference kind '{kind}' (key '{key}') is not one the WooCommerce connector resolves (product, variation, variation-parent, stock-item, "
            + "order, order-item, fulfillment, order-shipment, order-note, order-completion)",
    };

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
