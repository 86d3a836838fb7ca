namespace ErpBridge.Mapping.Maps;

/// <summary>A map could not be run; the subclasses say why, and the message names the map.</summary>
public abstract class MapException(string mapName, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The map's name relative to the maps root, e.g. <c>outbound/shopify/Inventory</c>.</summary>
    public string MapName { get; } = mapName;
}

/// <summary>No stylesheet exists under the maps root for the name asked for.</summary>
public sealed class MapNotFoundException(string mapName, string path)
    : MapException(mapName, $"Map '{mapName}' not found: no file {path}.")
{
    public string Path { get; } = path;
}

/// <summary>The stylesheet does not load or compile; <see cref="Line"/> and <see cref="Column"/> point at the fault (0 when unknown).</summary>
public sealed class MapCompileException(string mapName, string reason, int line, int column, Exception? inner = null)
    : MapException(mapName, line > 0 ? $"Map '{mapName}' does not compile (line {line}, column {column}): {reason}" : $"Map '{mapName}' does not compile: {reason}", inner)
{
    public string Reason { get; } = reason;

    public int Line { get; } = line;

    public int Column { get; } = column;
}

/// <summary>The map refused the input with <c>xsl:message terminate="yes"</c>; <see cref="Reason"/> is the message's text.</summary>
public sealed class MapTerminatedException(string mapName, string reason, Exception? inner = null)
    : MapException(mapName, $"Map '{mapName}' rejected the input: {reason}", inner)
{
    public string Reason { get; } = reason;
}

/// <summary>The map ran but its output is not one well-formed XML document, or it failed at run time.</summary>
public sealed class MapOutputException(string mapName, string reason, Exception? inner = null)
    : MapException(mapName, $"Map '{mapName}' failed: {reason}", inner)
{
    public string Reason { get; } = reason;
}
