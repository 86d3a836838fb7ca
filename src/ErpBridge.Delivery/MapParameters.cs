using System.Globalization;

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

    public static IReadOnlyDictionary<string, string> Outbound(string messageId, string channel, string idempotencyKey) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["message-id"] = messageId,
            ["channel"] = channel,
            ["idempotency-key"] = idempotencyKey,
        };
}
