using System.Data.Common;
using System.Threading.Channels;
using ErpBridge.Core.Intake;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Storage;

/// <summary>
/// One connection on a thread of its own that commits the accepts waiting at that moment in one transaction (group
/// commit), so that SQLite's single writer and its sync to disk are shared by concurrent requests. Callers are answered
/// only after the commit and, with <see cref="LogSync"/>, once the log is on disk: the writer syncs it when the queue
/// runs dry or the oldest unsynced commit has waited 2 ms, so one sync covers every batch committed meanwhile.
/// SQLite's ADO.NET calls block, so the writer keeps them off the thread pool.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqlDialect dialect;
    private readonly string connectionString;
    private readonly int maxBatch;
    private readonly ILogger logger;
    private readonly LogSync? sync;
    private readonly Thread thread;

    public GroupCommitWriter(SqlDialect dialect, string connectionString, int maxBatch, ILogger logger)
    {
        this.dialect = dialect;
        this.connectionString = connectionString;
        this.maxBatch = maxBatch;
        this.logger = logger;
        sync = dialect.DurabilityFile(connectionString) is { } file ? new LogSync(file, logger) : null;
        thread = new Thread(Run) { IsBackground = true, Name = "ErpBridge accept writer" };
        thread.Start();
    }

    public Task<AcceptResult> AcceptAsync(AcceptRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request, new TaskCompletionSource<AcceptResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The store is shutting down.");
        }

        // The caller may stop waiting; the accept itself still completes or fails as a whole.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.Run(thread.Join).ConfigureAwait(false);

    }

    private void Run()
    {
        var batch = new List<Pending>(maxBatch);
        DbConnection? connection = null;
        AcceptBatchCommands? commands = null;
        try
        {
            // Block only when there is nothing left to sync; otherwise look for more work, and sync when the
            // queue is empty or the oldest unsynced commit has waited long enough.
            while (sync?.Pending > 0 || queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < maxBatch && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count > 0)
                {
                    try
                    {
                        if (connection is null)
                        {
                            connection = Open();
                            commands = new AcceptBatchCommands(dialect, connection, dialect.InsertMessageBatch!, dialect.InsertDeliveryBatch!);
                        }

                        Commit(connection, commands!, batch);
                    }
#pragma warning disable CA1031 // Any failure of the batch fails its callers; the writer must live on for the next one.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        logger.LogError(ex, "Group commit of {Count} accepts failed", batch.Count);
                        batch.ForEach(p => p.Completion.TrySetException(ex));
                        commands?.Dispose();
                        commands = null;
                        connection?.Dispose();
                        connection = null;
                    }
                }

                if (sync is not null && (batch.Count == 0 || sync.Due))
                {
                    sync.Flush();
                }

                batch.Clear();
            }
        }
        finally
        {
            sync?.Flush();
            commands?.Dispose();
            connection?.Dispose();
        }
    }

    private DbConnection Open()
    {
        var connection = dialect.CreateConnection(connectionString);
        connection.Open();
        dialect.PrepareAsync(connection, writer: true, CancellationToken.None).GetAwaiter().GetResult();
        return connection;
    }

    /// <summary>
    /// Commits the batch in one transaction. When anything in it fails, the batch is rolled back and each accept is
    /// retried in a transaction of its own, so that one bad request fails alone and the others still commit.
    /// </summary>
    private void Commit(DbConnection connection, AcceptBatchCommands commands, List<Pending> batch)
    {
        AcceptResult[] results;
        try
        {
            results = CommitTogether(connection, commands, batch);
        }
        catch (DbException) when (batch.Count > 1)
        {
            foreach (var pending in batch)
            {
                try
                {
                    Answer([pending], CommitTogether(connection, commands, [pending]));
                }
                catch (DbException ex)
                {
                    pending.Completion.TrySetException(ex);
                }
            }

            return;
        }

        Answer([.. batch], results);
    }

    private static AcceptResult[] CommitTogether(DbConnection connection, AcceptBatchCommands commands, List<Pending> batch)
    {
        using var transaction = connection.BeginTransaction();
        var results = commands.Accept(transaction, batch.ConvertAll(p => p.Request));
        transaction.Commit();
        return results;
    }

    /// <summary>Answers committed accepts now, or once the log is synced where commits do not sync it.</summary>
    private void Answer(Pending[] committed, AcceptResult[] results)
    {
        if (sync is null)
        {
            Complete(committed, results, null);
        }
        else
        {
            sync.Add(error => Complete(committed, results, error));
        }
    }

    private static void Complete(Pending[] committed, AcceptResult[] results, Exception? error)
    {
        for (var i = 0; i < committed.Length; i++)
        {
            if (error is null)
            {
                committed[i].Completion.TrySetResult(results[i]);
            }
            else
            {
                committed[i].Completion.TrySetException(error);
            }
        }
    }

    private sealed record Pending(AcceptRequest Request, TaskCompletionSource<AcceptResult> Completion);
}
