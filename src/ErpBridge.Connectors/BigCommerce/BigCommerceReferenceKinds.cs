namespace ErpBridge.Connectors.BigCommerce;

/// <summary>The reference kinds a BigCommerce plan may ask for, and how a missing one is reported.</summary>
internal static class BigCommerceReferenceKinds
{
    /// <summary>Product id by SKU (the product whose base variant, or one of whose variants, has the SKU).</summary>
    public const string Product = "product";

    /// <summary>Variant id by SKU.</summary>
    public const string Variant = "variant";

    /// <summary>
    /// The SKU itself, once the store is known to have it (a variant, base variants included, with that SKU): for calls
    /// that name items by SKU, so that a SKU the store does not have fails its item alone instead of the whole call.
    /// </summary>
    public const string Sku = "sku";

    /// <summary>Inventory location id by ERP location code.</summary>
    public const string Location = "location";

    /// <summary>Order id by the store's order number (they are the same on BigCommerce; the look-up proves the order exists).</summary>
    public const string Order = "order";

    /// <summary>The order's first shipping address id (<c>order_address_id</c>), by order number.</summary>
    public const string OrderAddress = "order-address";

    /// <summary>Order product id by "{order number}/{SKU}".</summary>
    public const string OrderProduct = "order-product";

    /// <summary>Shipment id by "{order number}/{ERP shipment id}": the shipment whose comments hold the line "ERP shipment: {id}".</summary>
    public const string OrderShipment = "order-shipment";

    public static bool IsKnown(string kind) => kind is Product or Variant or Sku or Location || IsOrderKind(kind);

    /// <summary>Order kinds are read from the order each time and never cached: shipments and quantities change.</summary>
    public static bool IsOrderKind(string kind) => kind is Order or OrderAddress or OrderProduct or OrderShipment;

    public static string NotFound(ReferenceKey reference, string channel) => reference.Kind switch
    {
        _ when ProductPrices.IsPriceKind(reference.Kind) => ProductPrices.NotFound(reference, channel),
        Product => $"SKU '{reference.Key}' has no product on channel '{channel}'",
        Variant => $"SKU '{reference.Key}' has no variant on channel '{channel}'",
        Sku => $"SKU '{reference.Key}' is not on channel '{channel}' (no product or variant has it)",
        Location => $"ERP location '{reference.Key}' has no location on channel '{channel}' (not mapped in the channel's Locations, and no BigCommerce location has that code)",
        Order => $"order '{reference.Key}' not found on channel '{channel}'",
        OrderAddress => $"order '{reference.Key}' has no shipping address on channel '{channel}'",
        OrderProduct => $"order '{OrderNumber(reference.Key)}' has no product with SKU '{ItemKey(reference.Key)}' on channel '{channel}'",
        OrderShipment => $"order '{OrderNumber(reference.Key)}' has no shipment for ERP shipment '{ItemKey(reference.Key)}' on channel '{channel}'",
        _ => $"reference kind '{reference.Kind}' (key '{reference.Key}') is not one the BigCommerce connector resolves (product, variant, sku, priced-product, unpriced-product, location, order, order-address, order-product, order-shipment)",
    };

    /// <summary>The order number of an "{order number}/{item}" key (order numbers hold no '/').</summary>
    public static string OrderNumber(string key) => key.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? key[..slash] : key;

    /// <summary>The SKU or shipment id of an "{order number}/{item}" key.</summary>
    public static string ItemKey(string key) => key.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? key[(slash + 1)..] : "";
}
