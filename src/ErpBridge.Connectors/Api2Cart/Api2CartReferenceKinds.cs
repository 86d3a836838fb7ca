namespace ErpBridge.Connectors.Api2Cart;

/// <summary>The reference kinds an API2Cart plan may ask for, and how a missing one is reported.</summary>
internal static class Api2CartReferenceKinds
{
    /// <summary>Product id by SKU (the product whose <c>u_sku</c>, or else <c>u_model</c>, is the SKU).</summary>
    public const string Product = "product";

    /// <summary>Warehouse id by ERP location code, from the channel's Locations (a code mapped to "" is the cart's own stock).</summary>
    public const string Warehouse = "warehouse";

    /// <summary>The store's order id (<c>order_id</c>) once the order is known to exist, by order number.</summary>
    public const string Order = "order";

    /// <summary>Order product id by "{order number}/{SKU}" (the line whose <c>model</c> is the SKU).</summary>
    public const string OrderProduct = "order-product";

    /// <summary>Shipment id by "{order number}/{tracking number}": the order's shipment carrying that tracking number.</summary>
    public const string OrderShipment = "order-shipment";

    public static bool IsKnown(string kind) => kind is Product or Warehouse || IsOrderKind(kind);

    /// <summary>Order kinds are read from the order each time and never cached: shipments change with every delivery.</summary>
    public static bool IsOrderKind(string kind) => kind is Order or OrderProduct or OrderShipment;

    public static string NotFound(ReferenceKey reference, string channel) => reference.Kind switch
    {
        _ when ProductPrices.IsPriceKind(reference.Kind) => ProductPrices.NotFound(reference, channel),
        Product => $"SKU '{reference.Key}' has no product on channel '{channel}'",
        Warehouse => $"ERP location '{reference.Key}' has no warehouse on channel '{channel}' (not in the channel's Locations)",
        Order => $"order '{reference.Key}' not found on channel '{channel}'",
        OrderProduct => $"order '{OrderNumber(reference.Key)}' has no line with SKU '{ItemKey(reference.Key)}' on channel '{channel}'",
        OrderShipment => $"order '{OrderNumber(reference.Key)}' has no shipment with tracking number '{ItemKey(reference.Key)}' on channel '{channel}'",
        _ => $"reference kind '{reference.Kind}' (key '{reference.Key}') is not one the API2Cart connector resolves (product, priced-product, unpriced-product, warehouse, order, order-product, order-shipment)",
    };

    /// <summary>The order number of an "{order number}/{item}" key (order numbers hold no '/').</summary>
    public static string OrderNumber(string key) => key.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? key[..slash] : key;

    /// <summary>The SKU or tracking number of an "{order number}/{item}" key.</summary>
    public static string ItemKey(string key) => key.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? key[(slash + 1)..] : "";
}
