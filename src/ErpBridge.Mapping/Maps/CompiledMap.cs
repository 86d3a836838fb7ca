using System.Xml.Xsl;

namespace ErpBridge.Mapping.Maps;

/// <summary>One compiled version of a stylesheet, immutable, so running transforms never see a half-reloaded map.</summary>
internal sealed record CompiledMap(XslCompiledTransform Transform, FileStamp Stamp, DateTimeOffset LoadedAt);

/// <summary>A file's identity for change detection: a save changes the write time, the size, or both.</summary>
internal readonly record struct FileStamp(DateTime LastWriteUtc, long Length)
{
    public static FileStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.LastWriteTimeUtc, info.Length) : null;
    }
}
