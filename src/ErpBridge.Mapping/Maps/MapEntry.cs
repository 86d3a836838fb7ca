namespace ErpBridge.Mapping.Maps;

/// <summary>
/// The engine's bookkeeping for one map name: the running version, the latest load failure, and when the file was
/// last looked at. Reloads happen under the entry's lock; transforms read <see cref="Current"/> without one.
/// </summary>
internal sealed class MapEntry(string name, string path)
{
    private volatile CompiledMap? current;
    private volatile bool dirty = true;

    public string Name { get; } = name;

    public string Path { get; } = path;

    public object Gate { get; } = new();

    public CompiledMap? Current
    {
        get => current;
        set => current = value;
    }

    /// <summary>Set by a file-system event: the next use looks at the file whatever the recheck interval says.</summary>
    public bool Dirty
    {
        get => dirty;
        set => dirty = value;
    }

    /// <summary>Environment tick count (ms) of the latest look at the file.</summary>
    public long CheckedAtTicks { get; set; }

    /// <summary>The stamp of the file version that failed to load, so a broken file is not recompiled on every use.</summary>
    public FileStamp? FailedStamp { get; set; }

    /// <summary>The compile failure of a map that never loaded, rethrown on every use until the file changes.</summary>
    public MapCompileException? LastCompileError { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    public MapStatus Status() => Current is { } map
        ? new MapStatus(Name, Path, map.LoadedAt, new DateTimeOffset(map.Stamp.LastWriteUtc, TimeSpan.Zero), LastError, LastErrorAt)
        : new MapStatus(Name, Path, null, null, LastError, LastErrorAt);
}
