namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// How a WooCommerce channel records shipments (the channel setting ShipmentMode, passed to
/// xslt/outbound/woocommerce/Shipments.xslt as the map parameter <c>shipment-mode</c>):
/// <see cref="Fulfillments"/> uses WooCommerce's core fulfillments API (WooCommerce 10.1+ with the feature enabled);
/// <see cref="CompleteOrder"/> stores the tracking on the order (meta and a customer note) and completes the order once
/// every line is shipped. CompleteOrder is the default because it works on every store; a store without the feature
/// answers the fulfillments routes with 404 <c>rest_no_route</c>.
/// </summary>
public static class WooShipmentMode
{
    public const string ParameterName = "shipment-mode";
    public const string Fulfillments = "Fulfillments";
    public const string CompleteOrder = "CompleteOrder";
    public const string Default = CompleteOrder;

    /// <summary>The map parameter value for a channel's setting (null or empty: the default). Throws for anything else, naming the setting.</summary>
    public static string Normalize(string? setting, string channel)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return Default;
        }

        return setting.Trim() switch
        {
            var s when s.Equals(Fulfillments, StringComparison.OrdinalIgnoreCase) => Fulfillments,
            var s when s.Equals(CompleteOrder, StringComparison.OrdinalIgnoreCase) => CompleteOrder,
            _ => throw new ArgumentException($"Channel '{channel}': ShipmentMode '{setting}' is not {Fulfillments} or {CompleteOrder}.", nameof(setting)),
        };
    }

    /// <summary>The extra outbound map parameters of a WooCommerce channel.</summary>
    public static IReadOnlyDictionary<string, string> MapParameters(string? setting, string channel) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [ParameterName] = Normalize(setting, channel) };
}
