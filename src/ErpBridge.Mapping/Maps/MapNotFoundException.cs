namespace ErpBridge.Mapping.Maps;

/// <summary>No stylesheet exists under the maps root for the name asked for.</summary>
public sealed class MapNotFoundException(string mapName, string path)
    : MapException(mapName, $"Map '{mapName}' not found: no file {path}.")
{
    public string Path { get; } = path;
}
