using Microsoft.Extensions.Logging;

namespace ErpBridge.Storage;

/// <summary>
/// Makes committed batches durable before they are answered. The writer commits with synchronous = NORMAL and hands
/// each batch here; a thread of its own syncs the write-ahead log and answers every batch that was committed before
/// the sync began. The writer meanwhile commits the next batches, which the next sync covers (log-flush pipelining, as
/// server databases do), so the disk's sync time is no longer spent on the writer's thread.
/// </summary>
internal sealed partial class LogSync : IDisposable
{
    private readonly string path;
    private readonly ILogger logger;
    private readonly object gate = new();
    private readonly Thread thread;
    private List<Action<Exception?>> waiting = [];
    private volatile Exception? failed;
    private bool stopping;

    public LogSync(string path, ILogger logger)
    {
        this.path = path;
        this.logger = logger;
        thread = new Thread(Run) { IsBackground = true, Name = "ErpBridge log sync" };
        thread.Start();
    }

    /// <summary>Set when a sync failed: nothing committed after it is answered as durable.</summary>
    public Exception? Failed => failed;

    /// <summary>
    /// Registers a batch whose commit has returned (its pages are in the log file); <paramref name="complete"/> runs on
    /// the sync thread after a sync that began later, with the error if that sync failed.
    /// </summary>
    public void Add(Action<Exception?> complete)
    {
        lock (gate)
        {
            if (failed is null && !stopping)
            {
                waiting.Add(complete);
                Monitor.Pulse(gate);
                return;
            }
        }

        complete(failed ?? new ObjectDisposedException(nameof(LogSync), "The store is shutting down."));
    }

    /// <summary>Syncs what is still waiting, then stops the thread.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            stopping = true;
            Monitor.Pulse(gate);
        }

        thread.Join();
    }

    private void Run()
    {
        var taken = new List<Action<Exception?>>();
        while (true)
        {
            lock (gate)
            {
                while (waiting.Count == 0 && !stopping)
                {
                    Monitor.Wait(gate);
                }

                if (waiting.Count == 0)
                {
                    return;
                }

                (taken, waiting) = (waiting, taken);
            }

            var error = failed ?? Sync(taken.Count);
            taken.ForEach(complete => complete(error));
            taken.Clear();
        }
    }

    /// <summary>
    /// One sync of the log. A failed sync is final, as in server databases: the kernel may have dropped the pages it
    /// could not write, so a later sync that succeeds proves nothing.
    /// </summary>
    private Exception? Sync(int batches)
    {
        try
        {
            using var log = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            DataSync(log);
            return null;
        }
#pragma warning disable CA1031 // Whatever made the sync fail, the batches waiting for it must be answered.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failed = ex;
            logger.LogCritical(ex, "Syncing the write-ahead log {Path} failed; {Count} committed batches are failed to their callers and the store stops accepting", path, batches);
            return ex;
        }
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
