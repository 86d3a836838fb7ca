using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Storage;

/// <summary>
/// Answers committed batches only once the write-ahead log is on disk. It syncs the log file and then completes every
/// batch that was committed before the sync began, so a sync is shared by all batches the writer committed meanwhile
/// and the writer never waits for the disk (log-flush pipelining, as server databases do).
/// </summary>
internal sealed class LogSync : IAsyncDisposable
{
    private readonly Channel<Action<Exception?>> committed = Channel.CreateUnbounded<Action<Exception?>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string path;
    private readonly ILogger logger;
    private readonly Thread thread;

    public LogSync(string path, ILogger logger)
    {
        this.path = path;
        this.logger = logger;
        thread = new Thread(Run) { IsBackground = true, Name = "ErpBridge log sync" };
        thread.Start();
    }

    /// <summary>Registers a committed batch; <paramref name="complete"/> runs after the sync, with its error if it failed.</summary>
    public void AfterSync(Action<Exception?> complete)
    {
        if (!committed.Writer.TryWrite(complete))
        {
            complete(new ObjectDisposedException(nameof(LogSync)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        committed.Writer.TryComplete();
        await Task.Run(thread.Join).ConfigureAwait(false);
    }

    private void Run()
    {
        var waiting = new List<Action<Exception?>>();
        while (committed.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (committed.Reader.TryRead(out var complete))
            {
                waiting.Add(complete);
            }

            Exception? error = null;
            try
            {
                using var log = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
                log.Flush(flushToDisk: true);
            }
            catch (IOException ex)
            {
                logger.LogError(ex, "Syncing the write-ahead log {Path} failed; {Count} accepts are failed", path, waiting.Count);
                error = ex;
            }

            waiting.ForEach(complete => complete(error));
            waiting.Clear();
        }
    }
}
