using System.Data.Common;
using System.Threading.Channels;
using ErpBridge.Core.Intake;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Storage;

/// <summary>
/// One connection on a thread of its own that commits the accepts and other writes waiting at that moment in one
/// transaction (group commit), so that SQLite's single writer is shared by concurrent requests. Callers are answered only after the
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
    /// Runs other writes (delivery, order and reconciliation state) on the writer's connection, in the transaction of
    /// the next round beside the accepts, in a savepoint of their own: SQLite has one writer at a time, and a second
    /// connection would wait on the database lock instead. The task completes once the round has committed.
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

        return item.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.Run(thread.Join);

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
                }
                else
                {
                    try
                    {
                        (connection, commands) = EnsureOpen(connection, commands);
                        CommitRound(connection, commands, batch, others);
                    }
#pragma warning disable CA1031 // Any failure of the round fails its callers; the writer must live on for the next one.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        logger.LogError(ex, "Commit of {Accepts} accepts and {Writes} other writes failed", batch.Count, others.Count);
                        batch.ForEach(p => p.Completion.TrySetException(ex));
                        others.ForEach(w => w.Fail(ex));
                        commands?.Dispose();
                        commands = null;
                        connection?.Dispose();
                        connection = null;
                    }
                }

                batch.Clear();
                others.Clear();
            }
        }
        finally
        {
            sync?.Dispose();
            commands?.Dispose();
            connection?.Dispose();
        }
    }

    /// <summary>
    /// Commits the waiting accepts and other writes in one transaction: each commit rewrites every page it touched,
    /// so one commit for all of them writes the shared pages (page 1, the ends of tables and indexes) once. Each
    /// part runs in a savepoint of its own, so that a part that fails is undone alone and fails alone; when the
    /// accept batch fails, each of its accepts is tried in a savepoint of its own. Callers learn their outcome only
    /// after the commit, accepts only after the log sync as well.
    /// </summary>
    private void CommitRound(DbConnection connection, AcceptBatchCommands commands, List<Pending> batch, List<IWork> others)
    {
        var accepted = new List<(Pending Pending, AcceptResult Result)>(batch.Count);
        var refused = new List<(Pending Pending, Exception Error)>();
        using (var transaction = connection.BeginTransaction())
        {
            if (batch.Count > 0)
            {
                var requests = batch.ConvertAll(p => p.Request);
                if (InSavepoint(transaction, () => commands.Accept(transaction, requests), out var results, out _))
                {
                    accepted.AddRange(batch.Select((p, i) => (p, results![i])));
                }
                else
                {
                    foreach (var pending in batch)
                    {
                        if (InSavepoint(transaction, () => commands.Accept(transaction, [pending.Request])[0], out var result, out var error))
                        {
                            accepted.Add((pending, result!));
                        }
                        else
                        {
                            refused.Add((pending, error!));
                        }
                    }
                }
            }

            foreach (var work in others)
            {
                work.RunIn(transaction);
            }

            transaction.Commit();
        }

        refused.ForEach(r => r.Pending.Completion.TrySetException(r.Error));
        others.ForEach(w => w.Publish());
        if (accepted.Count > 0)
        {
            // Only accepts wait for the log sync; a round of other writes alone asks for none.
            Answer(accepted);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> in a savepoint: kept when it returns, undone when it throws. A failure to undo
    /// is not the action's alone, so it fails the whole round, with both errors.
    /// </summary>
    private static bool InSavepoint<T>(DbTransaction transaction, Func<T> action, out T? result, out Exception? error)
    {
        const string Savepoint = "part";
        transaction.Save(Savepoint);
        try
        {
            result = action();
            error = null;
        }
#pragma warning disable CA1031 // The part's failure is its callers'; the other parts of the round go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            try
            {
                transaction.Rollback(Savepoint);
                transaction.Release(Savepoint);
            }
            catch (Exception undo)
            {
                // SQLite rolled the whole transaction back (a full disk, an I/O error): the round fails, and callers
                // and the log learn the cause, not only that the savepoint was gone.
                throw new AggregateException("A write failed and the transaction it was part of could not be kept.", ex, undo);
            }

            result = default;
            error = ex;
            return false;
        }

        transaction.Release(Savepoint);
        return true;
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

    /// <summary>Answers committed accepts now, or once the log is synced where commits do not sync it.</summary>
    private void Answer(List<(Pending Pending, AcceptResult Result)> committed)
    {
        if (sync is null)
        {
            Complete(committed, null);
        }
        else
        {
            sync.Add(error => Complete(committed, error));
        }
    }

    private static void Complete(List<(Pending Pending, AcceptResult Result)> committed, Exception? error)
    {
        foreach (var (pending, result) in committed)
        {
            if (error is null)
            {
                pending.Completion.TrySetResult(result);
            }
            else
            {
                pending.Completion.TrySetException(error);
            }
        }
    }

    private sealed record Pending(AcceptRequest Request, TaskCompletionSource<AcceptResult> Completion);

    private interface IWork
    {
        /// <summary>Runs the write inside the round's transaction; its outcome is kept until <see cref="Publish"/>.</summary>
        void RunIn(DbTransaction transaction);

        /// <summary>Tells the caller the kept outcome, once the round committed.</summary>
        void Publish();

        void Fail(Exception error);
    }

    private sealed class Work<T>(Func<DbConnection, DbTransaction, T> action, TaskCompletionSource<T> completion) : IWork
    {
        private T? result;
        private Exception? error;

        public Task<T> Task => completion.Task;

        public void RunIn(DbTransaction transaction) =>
            InSavepoint(transaction, () => action(transaction.Connection!, transaction), out result, out error);

        public void Publish()
        {
            if (error is null)
            {
                completion.TrySetResult(result!);
            }
            else
            {
                completion.TrySetException(error);
            }
        }

        public void Fail(Exception failure) => completion.TrySetException(failure);
    }
}
