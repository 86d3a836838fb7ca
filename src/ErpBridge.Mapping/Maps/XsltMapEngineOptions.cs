namespace ErpBridge.Mapping.Maps;

/// <summary>Where the maps live and how often their files are checked for edits a file-system event missed.</summary>
public sealed class XsltMapEngineOptions
{
    /// <summary>The default root: the <c>xslt</c> folder the host copies beside its executable.</summary>
    public static string DefaultRoot => System.IO.Path.Combine(AppContext.BaseDirectory, "xslt");

    /// <summary>Root folder of the maps (<c>inbound/</c>, <c>outbound/{platform}/</c>).</summary>
    public string Root { get; set; } = DefaultRoot;

    /// <summary>
    /// How long a map is used without looking at its file's time stamp. File-system events reload at once; this
    /// bounds how stale a map can get when an event is lost (network shares, some editors).
    /// </summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether to watch the root with a <see cref="FileSystemWatcher"/>; the time-stamp check runs regardless.</summary>
    public bool WatchFiles { get; set; } = true;
}
