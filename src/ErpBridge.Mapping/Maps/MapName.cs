namespace ErpBridge.Mapping.Maps;

/// <summary>
/// Map names are relative paths under the maps root (<c>outbound/shopify/Inventory</c>); checking them here keeps
/// a name that came from configuration or a document type from reaching outside the root.
/// </summary>
public static class MapName
{
    public const string Extension = ".xslt";

    /// <summary>The name in its one canonical form: '/' separators, no extension. Throws <see cref="ArgumentException"/> on a name that is not a plain relative path.</summary>
    public static string Normalize(string mapName)
    {
        ArgumentNullException.ThrowIfNull(mapName);
        var name = mapName.Trim().Replace('\\', '/');
        if (name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^Extension.Length];
        }

        var segments = name.Split('/');
        if (name.Length == 0 || !segments.All(IsSafeSegment))
        {
            throw new ArgumentException($"'{mapName}' is not a map name: use a relative path of letters, digits, '_', '-' and '.' such as outbound/shopify/Inventory.", nameof(mapName));
        }

        return name;
    }

    /// <summary>The outbound map for a platform and canonical message type: <c>outbound/{platform}/{MessageType}</c> (platform in lower case).</summary>
    public static string Outbound(string platform, string messageType) =>
        Normalize($"outbound/{platform.Trim().ToLowerInvariant()}/{messageType.Trim()}");

    /// <summary>The inbound map for a raw document type: <c>inbound/{DocumentType}</c>.</summary>
    public static string Inbound(string documentType) => Normalize($"inbound/{documentType.Trim()}");

    /// <summary>The order map of a platform: <c>orders/{platform}</c> (platform in lower case), platform order JSON → ord:Order.</summary>
    public static string Order(string platform) => Normalize($"orders/{platform.Trim().ToLowerInvariant()}");

    /// <summary>The stylesheet file of a normalized name under <paramref name="root"/>.</summary>
    public static string FilePath(string root, string normalizedName) =>
        Path.Combine([Path.GetFullPath(root), .. normalizedName.Split('/')]) + Extension;

    /// <summary>The map name of a stylesheet file under <paramref name="root"/>, or null if the file is not a map there.</summary>
    public static string? FromFilePath(string root, string filePath)
    {
        if (!filePath.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(filePath));
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        try
        {
            return Normalize(relative);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsSafeSegment(string segment) =>
        segment.Length > 0
        && segment.Trim('.').Length > 0
        && char.IsAsciiLetterOrDigit(segment[0])
        && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
