using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Xsl;
using ErpBridge.Core.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Mapping.Maps;

/// <summary>
/// Runs the XSLT 1.0 maps under one root folder. One instance per process: stylesheets are compiled once, cached,
/// and reloaded when their file changes (a file-system watcher plus a time-stamp check, so a lost event still
/// reloads). A broken edit never replaces a working map: the last good version keeps running and the failure is
/// logged and reported in <see cref="GetStatus"/>. Stylesheets run without scripts, <c>document()</c> or a resolver,
/// and inputs may not carry DTDs, so a map or a document can never read other files.
/// </summary>
public sealed class XsltMapEngine : IDisposable
{
    /// <summary>Readers for stylesheets and map input: no DTDs, nothing resolved.</summary>
    internal static readonly XmlReaderSettings SafeReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    private readonly ConcurrentDictionary<string, MapEntry> entries = new(StringComparer.Ordinal);
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly long recheckMilliseconds;
    private readonly FileSystemWatcher? watcher;
    private readonly BridgeMetrics? metrics;

    public XsltMapEngine(XsltMapEngineOptions options, ILogger<XsltMapEngine>? logger = null, TimeProvider? time = null, BridgeMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.metrics = metrics;
        Root = Path.GetFullPath(options.Root);
        this.logger = logger ?? NullLogger<XsltMapEngine>.Instance;
        this.time = time ?? TimeProvider.System;
        recheckMilliseconds = (long)options.RecheckInterval.TotalMilliseconds;
        if (options.WatchFiles && Directory.Exists(Root))
        {
            watcher = new FileSystemWatcher(Root, "*" + MapName.Extension)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += (_, e) => MarkDirty(e.FullPath);
            watcher.Created += (_, e) => MarkDirty(e.FullPath);
            watcher.Deleted += (_, e) => MarkDirty(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                MarkDirty(e.OldFullPath);
                MarkDirty(e.FullPath);
            };
            watcher.Error += (_, _) => MarkAllDirty();
            watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>The maps root folder (absolute).</summary>
    public string Root { get; }

    /// <summary>An XML reader for map input that refuses DTDs and resolves nothing; use it for documents from outside.</summary>
    public static XmlReader CreateInputReader(Stream input) => XmlReader.Create(input, SafeReaderSettings);

    /// <inheritdoc cref="CreateInputReader(Stream)"/>
    public static XmlReader CreateInputReader(TextReader input) => XmlReader.Create(input, SafeReaderSettings);

    /// <summary>Whether an outbound map exists for the platform and message type; <paramref name="mapName"/> is its name.</summary>
    public bool TryGetOutbound(string platform, string messageType, [NotNullWhen(true)] out string? mapName) =>
        TryGet(() => MapName.Outbound(platform, messageType), out mapName);

    /// <summary>Whether an inbound map exists for the raw document type (e.g. MATMAS05); <paramref name="mapName"/> is its name.</summary>
    public bool TryGetInbound(string documentType, [NotNullWhen(true)] out string? mapName) =>
        TryGet(() => MapName.Inbound(documentType), out mapName);

    /// <summary>Whether a map of that name exists under the root.</summary>
    public bool Exists(string mapName) => File.Exists(MapName.FilePath(Root, MapName.Normalize(mapName)));

    /// <summary>Runs a map over a document. Parameters become top-level <c>xsl:param</c> values (strings).</summary>
    /// <exception cref="MapNotFoundException">No such map.</exception>
    /// <exception cref="MapCompileException">The map never compiled (an edit that breaks a loaded map keeps the old version instead).</exception>
    /// <exception cref="MapTerminatedException">The map rejected the input with <c>xsl:message terminate="yes"</c>.</exception>
    /// <exception cref="MapOutputException">The map failed while running or its output is not a well-formed document.</exception>
    /// <exception cref="OperationCanceledException">
    /// The token was cancelled (a message's time budget ran out), before or while the map ran: it is checked on every
    /// read of the input, every write of the output and every call of a <see cref="MapFunctions"/> function.
    /// </exception>
    public XDocument Transform(string mapName, XDocument input, IReadOnlyDictionary<string, string>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var reader = input.CreateReader();
        return Transform(mapName, reader, parameters, cancellationToken);
    }

    /// <inheritdoc cref="Transform(string, XDocument, IReadOnlyDictionary{string, string}?)"/>
    /// <remarks>A reader made with settings must prohibit DTDs; <see cref="CreateInputReader(Stream)"/> makes one.</remarks>
    public XDocument Transform(string mapName, XmlReader input, IReadOnlyDictionary<string, string>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        if (input.Settings is { DtdProcessing: not DtdProcessing.Prohibit })
        {
            throw new ArgumentException("Map input readers must prohibit DTDs (use XsltMapEngine.CreateInputReader).", nameof(input));
        }

        var entry = Entry(mapName);
        var map = Compiled(entry);
        var messages = new List<string>();
        var arguments = new XsltArgumentList();
        foreach (var (name, value) in parameters ?? NoParameters)
        {
            arguments.AddParam(name, "", value);
        }

        arguments.AddExtensionObject(MapFunctions.Namespace, new MapFunctions(cancellationToken));
        arguments.XsltMessageEncountered += (_, e) => messages.Add(e.Message);
        var output = new XDocument();
        try
        {
            // The token is checked on each read of the input and each write of the output: XslCompiledTransform
            // has no token of its own, and a map that runs long writes as it goes.
            var started = time.GetTimestamp();
            using var reader = new CancellableXmlReader(input, cancellationToken);
            using (var writer = new MapOutputWriter(output.CreateWriter(), cancellationToken))
            {
                map.Transform.Transform(reader, arguments, writer, documentResolver: null);
                writer.Flush();
            }

            metrics?.Mapped(entry.Name, time.GetElapsedTime(started));
        }
        catch (Exception exception) when (exception is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // A cancel seen inside an extension function reaches here wrapped by the XSLT runtime.
            throw new OperationCanceledException($"Map {entry.Name} was cancelled.", exception, cancellationToken);
        }
        catch (XsltException exception) when (messages.Count > 0 && exception.Message.Contains(messages[^1].Trim(), StringComparison.Ordinal))
        {
            throw new MapTerminatedException(entry.Name, messages[^1].Trim(), exception);
        }
        catch (Exception exception) when (exception is XsltException or XmlException)
        {
            throw new MapOutputException(entry.Name, exception.Message, exception);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            throw new MapOutputException(entry.Name, $"the output is not a well-formed XML document ({exception.Message})", exception);
        }

        if (output.Root is null)
        {
            throw new MapOutputException(entry.Name, "the output has no root element.");
        }

        foreach (var message in messages)
        {
            logger.LogInformation("Map {Map} says: {Message}", entry.Name, message);
        }

        return output;
    }

    /// <summary>Loads (or reloads) a map now and returns its status; compile errors are reported there, not thrown.</summary>
    public MapStatus Load(string mapName)
    {
        var entry = Entry(mapName);
        try
        {
            Compiled(entry);
        }
        catch (MapException)
        {
            // The status carries the reason.
        }

        return entry.Status();
    }

    /// <summary>Compiles every map under the root and returns their statuses, for start-up checks and operators.</summary>
    public IReadOnlyList<MapStatus> LoadAll()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.EnumerateFiles(Root, "*" + MapName.Extension, SearchOption.AllDirectories)
            .Select(path => MapName.FromFilePath(Root, path))
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();
    }

    /// <summary>The status of a map the engine has loaded or tried to load; null if it has not been asked for yet.</summary>
    public MapStatus? GetStatus(string mapName) =>
        entries.TryGetValue(MapName.Normalize(mapName), out var entry) ? entry.Status() : null;

    /// <summary>The statuses of every map asked for so far.</summary>
    public IReadOnlyList<MapStatus> GetStatuses() =>
        entries.Values.Select(e => e.Status()).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    public void Dispose() => watcher?.Dispose();

    private bool TryGet(Func<string> name, [NotNullWhen(true)] out string? mapName)
    {
        try
        {
            var candidate = name();
            mapName = File.Exists(MapName.FilePath(Root, candidate)) ? candidate : null;
        }
        catch (ArgumentException)
        {
            mapName = null;
        }

        return mapName is not null;
    }

    private MapEntry Entry(string mapName)
    {
        var name = MapName.Normalize(mapName);
        return entries.GetOrAdd(name, n => new MapEntry(n, MapName.FilePath(Root, n)));
    }

    private CompiledMap Compiled(MapEntry entry)
    {
        var current = entry.Current;
        if (current is not null && !entry.Dirty && Environment.TickCount64 - entry.CheckedAtTicks < recheckMilliseconds)
        {
            return current;
        }

        lock (entry.Gate)
        {
            entry.Dirty = false;
            entry.CheckedAtTicks = Environment.TickCount64;
            current = entry.Current;
            var stamp = FileStamp.Of(entry.Path);
            if (stamp is null)
            {
                if (current is not null)
                {
                    Fail(entry, stamp, $"the file {entry.Path} is gone; the last good version keeps running.");
                    return current;
                }

                throw new MapNotFoundException(entry.Name, entry.Path);
            }

            if (current is not null && current.Stamp == stamp)
            {
                return current;
            }

            if (entry.FailedStamp == stamp)
            {
                return current ?? throw (entry.LastCompileError is { } last
                    ? new MapCompileException(last.MapName, last.Reason, last.Line, last.Column, last.InnerException)
                    : new MapCompileException(entry.Name, entry.LastError ?? "unknown error", 0, 0));
            }

            try
            {
                var compiled = new CompiledMap(StylesheetCompiler.Compile(entry.Name, entry.Path), stamp.Value, time.GetUtcNow());
                entry.Current = compiled;
                entry.FailedStamp = null;
                entry.LastCompileError = null;
                entry.LastError = null;
                entry.LastErrorAt = null;
                if (current is not null)
                {
                    logger.LogInformation("Map {Map} reloaded from {Path}", entry.Name, entry.Path);
                }

                return compiled;
            }
            catch (MapCompileException exception)
            {
                entry.LastCompileError = exception;

                // A file another process holds open is retried on the next check, not remembered as broken.
                Fail(entry, exception.InnerException is IOException ? null : stamp, exception.Message);
                if (current is null)
                {
                    throw;
                }

                return current;
            }
        }
    }

    private void Fail(MapEntry entry, FileStamp? stamp, string reason)
    {
        var repeated = entry.LastError == reason && entry.FailedStamp == stamp;
        entry.FailedStamp = stamp;
        entry.LastError = reason;
        entry.LastErrorAt = time.GetUtcNow();
        if (!repeated)
        {
            logger.LogWarning(
                "Map {Map} could not be loaded, {Fallback}: {Reason}",
                entry.Name,
                entry.Current is null ? "and there is no earlier version to run" : "so the last good version keeps running",
                reason);
        }
    }

    private void MarkDirty(string path)
    {
        if (MapName.FromFilePath(Root, path) is { } name && entries.TryGetValue(name, out var entry))
        {
            entry.Dirty = true;
        }
    }

    private void MarkAllDirty()
    {
        foreach (var entry in entries.Values)
        {
            entry.Dirty = true;
        }
    }
}
