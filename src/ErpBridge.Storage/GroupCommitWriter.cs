using System.Data.Common;
using System.Threading.Channels;
using ErpBridge.Core.Intake;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Storage;

/// <summary>
/// One connection on a thread of its own that commits the accepts waiting at that moment in one transaction (group
/// commit), so that SQLite's single writer is shared by concurrent requests. Callers are answered only after the
/// commit and, with <see cref="LogSync"/>, once a sync of the log that began after it has finished; the writer goes
/// on committing meanwhile. SQLite's ADO.NET calls block, so the writer keeps them off the thread pool.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<object> queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqlDialect dialect;
    private readonly string connectionString;
    private readonly int maxBatch;
    private readonly ILogger logger;
    private volatile LogSync? sync;
    private readonly Thread thread;

    public GroupCommitWriter(SqlDialect dialect, string connectionString, int maxBatch, ILogger logger)
    {
        this.dialect = dialect;
        this.connectionString = connectionString;
        this.maxBatch = maxBatch;
        this.logger = logger;
        thread = new Thread(Run) { IsBackground = true, Name = "ErpBridge accept writer" };
        thread.Start();
    }

    /// <summary>Set when the log could not be synced: from then on nothing is accepted until a restart.</summary>
    public Exception? Broken => sync?.Failed;

    /// <summary>The error every accept and health check gets once <see cref="Broken"/> is set.</summary>
    public static InvalidOperationException Stopped(Exception cause) =>
        new("The store stopped accepting after its log could not be synced to disk; restart the bridge.", cause);

    public Task<AcceptResult> AcceptAsync(AcceptRequest request, CancellationToken cancellationToken)
    {
        if (Broken is { } error)
        {
            throw Stopped(error);
        }

        var pending = new Pending(request, new TaskCompletionSource<AcceptResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The store is shutting down.");
        }

        // The caller may stop waiting; the accept itself still completes or fails as a whole.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs other writes (delivery state) on the writer's connection, in a transaction of their own between accept
    /// batches: SQLite has one writer at a time, and a second connection would wait on the database lock instead.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work)
    {
        if (Broken is { } error)
        {
            throw Stopped(error);
        }

        var item = new Work<T>(work, new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The store is shutting down.");
        }

        return item.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.Run(thread.Join).ConfigureAwait(false);

    }

    private void Run()
    {
        var batch = new List<Pending>(maxBatch);
        var others = new List<IWork>();
        DbConnection? connection = null;
        AcceptBatchCommands? commands = null;
        try
        {
            while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < maxBatch && queue.Reader.TryRead(out var next))
                {
                    if (next is Pending accept)
                    {
                        batch.Add(accept);
                    }
                    else
                    {
                        others.Add((IWork)next);
                    }
                }

                if (Broken is { } broken)
                {
                    batch.ForEach(p => p.Completion.TrySetException(Stopped(broken)));
                    others.ForEach(w => w.Fail(Stopped(broken)));
                    others.Clear();
                }
                else if (batch.Count > 0)
                {
                    try
                    {
                        (connection, commands) = EnsureOpen(connection, commands);
                        Commit(connection, commands, batch);
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

                if (others.Count > 0)
                {
                    try
                    {
                        (connection, commands) = EnsureOpen(connection, commands);
                        foreach (var work in others)
                        {
                            work.Run(connection);
                        }
                    }
#pragma warning disable CA1031 // The connection could not be opened: the waiting work fails, the writer lives on.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        others.ForEach(w => w.Fail(ex));
                    }

                    others.Clear();
                }

                batch.Clear();
            }
        }
        finally
        {
            sync?.Dispose();
            commands?.Dispose();
            connection?.Dispose();
        }
    }

    /// <summary>The writer's connection and its accept commands, opened together when there are none.</summary>
    private (DbConnection Connection, AcceptBatchCommands Commands) EnsureOpen(DbConnection? connection, AcceptBatchCommands? commands)
    {
        if (connection is not null && commands is not null)
        {
            return (connection, commands);
        }

        commands?.Dispose();
        connection?.Dispose();
        var opened = Open();
        return (opened, new AcceptBatchCommands(dialect, opened, dialect.InsertMessageBatch!, dialect.InsertDeliveryBatch!));
    }

    private DbConnection Open()
    {
        var connection = dialect.CreateConnection(connectionString);
        connection.Open();
        dialect.PrepareAsync(connection, writer: true, CancellationToken.None).GetAwaiter().GetResult();
        if (sync is null && dialect.LogFileToSync(connection) is { } file)
        {
            sync = new LogSync(file, logger);
        }

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
#pragma warning disable CA1031 // One request's failure is its own; the others of the batch go on.
                catch (Exception ex)
#pragma warning restore CA1031
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

    private interface IWork
    {
        void Run(DbConnection connection);

        void Fail(Exception error);
    }

    private sealed record Work<T>(Func<DbConnection, DbTransaction, T> Action, TaskCompletionSource<T> Completion) : IWork
    {
        public void Run(DbConnection connection)
        {
            try
            {
                using var transaction = connection.BeginTransaction();
                var result = Action(connection, transaction);
                transaction.Commit();
                Completion.TrySetResult(result);
            }
#pragma warning disable CA1031 // The work's failure is its caller's; the writer lives on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Completion.TrySetException(ex);
            }
        }

        public void Fail(Exception error) => Completion.TrySetException(error);
    }
}
