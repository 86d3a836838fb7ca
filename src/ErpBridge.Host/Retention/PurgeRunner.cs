using ErpBridge.Core.Retention;

namespace ErpBridge.Host.Retention;

/// <summary>
/// One purge run: each kind whose age is set, in small batches with a pause after each, so that intake and delivery
/// write between them (on SQLite every batch queues on the accept writer like any other write). Logs each kind's
/// rows and time; the last run is kept for /status.
/// </summary>
public sealed partial class PurgeRunner(IRetentionStore store, RetentionOptions options, TimeProvider time, ILogger<PurgeRunner> logger)
{
    // Delivered messages are found this many batches at a time: each search reads the item versions once.
    private const int BatchesPerSearch = 10;

    private volatile PurgeReport? last;

    /// <summary>The last run that ended on this node since it started, or null.</summary>
    public PurgeReport? Last => last;

    public async Task<PurgeReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var kinds = new List<PurgeKindResult>();
        string? error = null;
        PurgeReport report;
        try
        {
            await PurgeAsync(kinds, "DeliveredMessages", options.DeliveredMessages, started, PurgeDeliveredMessagesAsync, cancellationToken);
            await PurgeAsync(kinds, "IdocAudits", options.IdocAudits, started, (before, ct) => RepeatAsync(max => store.PurgeSentIdocAuditsAsync(before, max, ct), ct), cancellationToken);
            await PurgeAsync(kinds, "AcknowledgedOrders", options.AcknowledgedOrders, started, (before, ct) => RepeatAsync(max => store.PurgeAcknowledgedOrdersAsync(before, max, ct), ct), cancellationToken);
            await PurgeAsync(kinds, "ReconciliationRuns", options.ReconciliationRuns, started, PurgeReconciliationRunsAsync, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // What was deleted stays deleted; the next run goes on from there.
            error = ex.Message;
            throw;
        }
        finally
        {
            report = new PurgeReport(started, time.GetUtcNow(), kinds, error);
            last = report;
        }

        return report;
    }

    private async Task PurgeAsync(
        List<PurgeKindResult> kinds, string kind, TimeSpan? age, DateTimeOffset now, Func<DateTimeOffset, CancellationToken, Task<long>> purge, CancellationToken cancellationToken)
    {
        if (RetentionOptions.Enabled(age) is not { } keep)
        {
            return;
        }

        var before = now - keep;
        var clock = time.GetTimestamp();
        var rows = await purge(before, cancellationToken);
        var result = new PurgeKindResult(kind, rows, time.GetElapsedTime(clock), before);
        kinds.Add(result);
        LogPurged(kind, rows, (long)result.Took.TotalMilliseconds, before);
    }

    private async Task<long> PurgeDeliveredMessagesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        long rows = 0;
        var after = MessageKey.Start;
        while (true)
        {
            var search = options.BatchSize * BatchesPerSearch;
            var found = await store.FindDeliveredMessagesAsync(before, after, search, cancellationToken);
            foreach (var batch in found.Chunk(options.BatchSize))
            {
                rows += await store.PurgeDeliveredMessagesAsync(batch.Select(m => m.MessageId).ToList(), before, cancellationToken);
                await Task.Delay(options.BatchPause, cancellationToken);
            }

            if (found.Count < search)
            {
                return rows;
            }

            after = found[^1];
        }
    }

    private async Task<long> PurgeReconciliationRunsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach (var run in await store.FindOldReconciliationRunsAsync(before, cancellationToken))
        {
            rows += await RepeatAsync(max => store.PurgeReconciliationRunAsync(run, before, max, cancellationToken), cancellationToken);
        }

        return rows;
    }

    /// <summary>Runs a batch delete until a batch deletes fewer rows than it may, pausing after each.</summary>
    private async Task<long> RepeatAsync(Func<int, Task<int>> batch, CancellationToken cancellationToken)
    {
        long rows = 0;
        int deleted;
        do
        {
            deleted = await batch(options.BatchSize);
            rows += deleted;
            await Task.Delay(options.BatchPause, cancellationToken);
        }
        while (deleted >= options.BatchSize);
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Kind}: {Rows} rows deleted in {Milliseconds} ms (older than {Before:o})")]
    private partial void LogPurged(string kind, long rows, long milliseconds, DateTimeOffset before);
}
