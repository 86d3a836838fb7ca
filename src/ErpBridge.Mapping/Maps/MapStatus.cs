namespace ErpBridge.Mapping.Maps;

/// <summary>
/// What operators need to know about one map: which version runs (loaded at, file time) and, when the file on disk
/// does not compile, why (the last good version keeps running meanwhile).
/// </summary>
/// <param name="Name">Map name relative to the maps root, without extension.</param>
/// <param name="Path">The stylesheet file.</param>
/// <param name="LoadedAt">When the running version was compiled; null if no version ever compiled.</param>
/// <param name="FileWrittenAt">Last-write time of the file the running version was compiled from.</param>
/// <param name="LastError">Why the latest attempt to load the file failed; null when the running version is current.</param>
/// <param name="LastErrorAt">When that attempt was made.</param>
public sealed record MapStatus(
    string Name,
    string Path,
    DateTimeOffset? LoadedAt,
    DateTimeOffset? FileWrittenAt,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    /// <summary>True when a compiled version is running and it matches the file on disk.</summary>
    public bool IsCurrent => LoadedAt is not null && LastError is null;
}
