namespace ErpBridge.Mapping.Maps;

/// <summary>The stylesheet does not load or compile; <see cref="Line"/> and <see cref="Column"/> point at the fault (0 when unknown).</summary>
public sealed class MapCompileException(string mapName, string reason, int line, int column, Exception? inner = null)
    : MapException(mapName, line > 0 ? $"Map '{mapName}' does not compile (line {line}, column {column}): {reason}" : $"Map '{mapName}' does not compile: {reason}", inner)
{
    public string Reason { get; } = reason;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
