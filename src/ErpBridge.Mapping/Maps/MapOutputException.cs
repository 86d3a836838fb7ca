namespace ErpBridge.Mapping.Maps;

/// <summary>The map ran but its output is not one well-formed XML document, or it failed at run time.</summary>
public sealed class MapOutputException(string mapName, string reason, Exception? inner = null)
    : MapException(mapName, $"Map '{mapName}' failed: {reason}", inner)
{
    public string Reason { get; } = reason;
}
