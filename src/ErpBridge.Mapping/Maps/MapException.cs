namespace ErpBridge.Mapping.Maps;

/// <summary>A map could not be run; the subclasses say why, and the message names the map.</summary>
public abstract class MapException(string mapName, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The map's name relative to the maps root, e.g. <c>outbound/shopify/Inventory</c>.</summary>
    public string MapName { get; } = mapName;
}
