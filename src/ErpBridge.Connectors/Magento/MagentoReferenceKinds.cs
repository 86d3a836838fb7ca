namespace ErpBridge.Connectors.Magento;

/// <summary>
/// The reference kinds a Magento plan may ask for. Products with a price need none: Magento addresses them by SKU,
/// and a product save with a known SKU updates it; a product without one asks whether the store has the SKU and
/// its price (<see cref="ProductPrices"/>). Stock needs the MSI source code of each ERP location. Shipments need the order's
/// entity id, its item ids by SKU, and whether the ERP shipment was already made.
/// </summary>
internal static class MagentoReferenceKinds
{
    /// <summary>MSI source code by ERP location code: the channel's Locations map, else a source with that very code.</summary>
    public const string Source = "source";

    /// <summary>
    /// A SKU, resolved to the store's own spelling once the store is known to have a product with it: for calls that
    /// name products by SKU (source items), so that an unknown SKU fails its item alone.
    /// </summary>
    public const string Sku = "sku";

    /// <summary>An order's entity id by its increment id (the order number the shop shows).</summary>
    public const string Order = "order";

    /// <summary>An order item's id; key "{order number}&#9;{SKU}" (a tab between).</summary>
    public const string OrderItem = "order-item";

    /// <summary>
    /// The Magento shipment already made for an ERP shipment; key "{order number}&#9;{ShipmentId}". Found when a
    /// shipment of that order carries a comment that is <see cref="ShipmentMarker"/> (or starts with it and "; ").
    /// </summary>
    public const string Shipment = "shipment";

    /// <summary>The separator of the two parts of an order-item or shipment key.</summary>
    public const char KeySeparator = '\t';

    public static bool IsKnown(string kind) => kind is Source or Sku or Order or OrderItem or Shipment;

    public static bool IsSales(string kind) => kind is Order or OrderItem or Shipment;

    /// <summary>
    /// The comment the Shipments map puts on every shipment it creates, naming the ERP's ShipmentId: how a shipment
    /// sent again is recognised (Magento has no external id or idempotency key for shipments).
    /// </summary>
    public static string ShipmentMarker(string shipmentId) => $"ERP shipment {shipmentId}";

    /// <summary>The order number and the second part (SKU or ShipmentId) of a two-part key.</summary>
    public static (string OrderNumber, string Part) Split(string key)
    {
        var tab = key.IndexOf(KeySeparator, StringComparison.Ordinal);
        return tab < 0 ? (key, "") : (key[..tab], key[(tab + 1)..]);
    }

    public static string NotFound(ReferenceKey reference, string channel) => reference.Kind switch
    {
        _ when ProductPrices.IsPriceKind(reference.Kind) => ProductPrices.NotFound(reference, channel),
        Source => $"ERP location '{reference.Key}' has no MSI source on channel '{channel}' (not mapped in the channel's Locations, and no Magento source has that code)",
        Sku => $"SKU '{reference.Key}' is not on channel '{channel}' (no Magento product has it)",
        Order => $"order '{reference.Key}' was not found on channel '{channel}' (no Magento order has that increment id)",
        OrderItem => $"order '{Split(reference.Key).OrderNumber}' has no line with SKU '{Split(reference.Key).Part}' on channel '{channel}'",
        Shipment => $"shipment '{Split(reference.Key).Part}' of order '{Split(reference.Key).OrderNumber}' was not found on channel '{channel}'",
        _ => $"reference kind '{reference.Kind}' (key '{reference.Key}') is not one the Magento connector resolves (source, sku, priced-product, unpriced-product, order, order-item, shipment)",
    };
}
