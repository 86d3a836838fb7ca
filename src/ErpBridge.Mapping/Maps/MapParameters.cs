using System.Globalization;

namespace ErpBridge.Mapping.Maps;

/// <summary>The xsl:param values the maps receive (see xslt/README.md), built in one place for delivery and the dry run.</summary>
public static class MapParameters
{
    /// <param name="documentParameters">The document type's configured MapParameters; the envelope's three values win over them.</param>
    public static IReadOnlyDictionary<string, string> Inbound(string messageId, DateTimeOffset sentAt, string sourceSystem, IReadOnlyDictionary<string, string>? documentParameters = null)
    {
        var parameters = documentParameters is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(documentParameters, StringComparer.Ordinal);
        parameters["message-id"] = messageId;
        parameters["sent-at"] = sentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        parameters["source-system"] = sourceSystem;
        return parameters;
    }

    /// <param name="channelParameters">The channel's own parameters (its MapParameters and what its platform adds, e.g. WooCommerce's shipment-mode).</param>
    public static IReadOnlyDictionary<string, string> Outbound(string messageId, string channel, string idempotencyKey, IReadOnlyDictionary<string, string>? channelParameters = null)
    {
        var parameters = channelParameters is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(channelParameters, StringComparer.Ordinal);
        parameters["message-id"] = messageId;
        parameters["channel"] = channel;
        parameters["idempotency-key"] = idempotencyKey;
        return parameters;
    }
}
