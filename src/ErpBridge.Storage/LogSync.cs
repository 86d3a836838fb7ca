using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Storage;

/// <summary>
/// The batches the writer committed (with synchronous = NORMAL) since the write-ahead log was last synced, and the
/// sync that makes them durable before they are answered. One sync covers all of them (log-flush pipelining, as server
/// databases do). Used by the writer thread only.
/// </summary>
internal sealed partial class LogSync(string path, ILogger logger)
{
    private static readonly long MaxWait = Stopwatch.Frequency / 500;
    private readonly List<Action<Exception?>> waiting = [];
    private long oldest;

    public int Pending => waiting.Count;

    /// <summary>True when the oldest unsynced commit has waited 2 ms: sync even though more work is queued.</summary>
    public bool Due => waiting.Count > 0 && Stopwatch.GetTimestamp() - oldest > MaxWait;

    /// <summary>Registers a committed batch; <paramref name="complete"/> runs after the sync, with its error if it failed.</summary>
    public void Add(Action<Exception?> complete)
    {
        if (waiting.Count == 0)
        {
            oldest = Stopwatch.GetTimestamp();
        }

        waiting.Add(complete);
    }

    /// <summary>Syncs and answers the waiting batches; returns the error when the sync failed (they are failed with it).</summary>
    public Exception? Flush()
    {
        if (waiting.Count == 0)
        {
            return null;
        }

        Exception? error = null;
        try
        {
            using var log = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            DataSync(log);
        }
#pragma warning disable CA1031 // Whatever made the sync fail, the batches waiting for it must be answered.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogCritical(ex, "Syncing the write-ahead log {Path} failed; {Count} committed batches are failed to their callers and the store stops accepting", path, waiting.Count);
            error = ex;
        }

        waiting.ForEach(complete => complete(error));
        waiting.Clear();
        return error;
    }

    /// <summary>
    /// fdatasync where the C library has it (as SQLite itself uses): the log's data, without the metadata a full
    /// fsync also writes. Elsewhere a full flush to disk.
    /// </summary>
    private static void DataSync(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (OperatingSystem.IsLinux())
        {
            if (FDataSync(handle) != 0)
            {
                throw new IOException($"fdatasync failed with errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}.");
            }

            return;
        }

        using var stream = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0);
        stream.Flush(flushToDisk: true);
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int FDataSync(Microsoft.Win32.SafeHandles.SafeFileHandle handle);
}
