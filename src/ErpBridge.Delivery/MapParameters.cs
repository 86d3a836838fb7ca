using System.Globalization;
using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Core.Routing;

namespace ErpBridge.Delivery;

/// <summary>The xsl:param values the maps receive (see xslt/README.md), built in one place for delivery and the dry run.</summary>
public static class MapParameters
{
    public static IReadOnlyDictionary<string, string> Inbound(string messageId, DateTimeOffset sentAt, string sourceSystem) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["message-id"] = messageId,
            ["sent-at"] = sentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            ["source-system"] = sourceSystem,
        };

    /// <param name="options">The channel's settings: its MapParameters, and for WooCommerce its ShipmentMode as shipment-mode.</param>
    public static IReadOnlyDictionary<string, string> Outbound(string messageId, string channel, string idempotencyKey, ChannelOptions? options = null)
    {
        var parameters = new Dictionary<string, string>(options?.MapParameters ?? [], StringComparer.Ordinal)
        {
            ["message-id"] = messageId,
            ["channel"] = channel,
            ["idempotency-key"] = idempotencyKey,
        };
        if (options?.Platform == Platform.WooCommerce)
        {
            foreach (var (name, value) in WooShipmentMode.MapParameters(options.ShipmentMode, channel))
            {
                parameters[name] = value;
            }
        }

        return parameters;
    }
}
