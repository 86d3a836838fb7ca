namespace ErpBridge.Mapping.Maps;

/// <summary>The map refused the input with <c>xsl:message terminate="yes"</c>; <see cref="Reason"/> is the message's text.</summary>
public sealed class MapTerminatedException(string mapName, string reason, Exception? inner = null)
    : MapException(mapName, $"Map '{mapName}' rejected the input: {reason}", inner)
{
    public string Reason { get; } = reason;
}
