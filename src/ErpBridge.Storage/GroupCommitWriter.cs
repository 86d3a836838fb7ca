using System.Data.Common;
using System.Threading.Channels;
using ErpBridge.Core.Intake;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Storage;

/// <summary>
/// One connection that commits the accepts waiting at that moment in one transaction (group commit), so that
/// SQLite's single writer and its sync to disk are shared by concurrent requests. Each accept runs under its own
/// savepoint: one failing request fails alone. Callers are answered only after the commit.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqlDialect dialect;
    private readonly string connectionString;
    private readonly int maxBatch;
    private readonly ILogger logger;
    private readonly Task loop;

    public GroupCommitWriter(SqlDialect dialect, string connectionString, int maxBatch, ILogger logger)
    {
        this.dialect = dialect;
        this.connectionString = connectionString;
        this.maxBatch = maxBatch;
        this.logger = logger;
        loop = Task.Run(RunAsync);
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
        await loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(maxBatch);
        DbConnection? connection = null;
        try
        {
            while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < maxBatch && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    connection ??= await OpenAsync().ConfigureAwait(false);
                    await CommitAsync(connection, batch).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Any failure of the batch fails its callers; the loop must live on for the next one.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    logger.LogError(ex, "Group commit of {Count} accepts failed", batch.Count);
                    batch.ForEach(p => p.Completion.TrySetException(ex));
                    if (connection is not null)
                    {
                        await connection.DisposeAsync().ConfigureAwait(false);
                        connection = null;
                    }
                }

                batch.Clear();
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<DbConnection> OpenAsync()
    {
        var connection = dialect.CreateConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await dialect.PrepareAsync(connection, writer: true, CancellationToken.None).ConfigureAwait(false);
        return connection;
    }

    private async Task CommitAsync(DbConnection connection, List<Pending> batch)
    {
        var results = new (Pending Pending, AcceptResult? Result, Exception? Error)[batch.Count];
        await using (var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = await AcceptOneAsync(connection, transaction, batch[i]).ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }

        foreach (var (pending, result, error) in results)
        {
            if (error is null)
            {
                pending.Completion.TrySetResult(result!);
            }
            else
            {
                pending.Completion.TrySetException(error);
            }
        }
    }

    private async Task<(Pending, AcceptResult?, Exception?)> AcceptOneAsync(DbConnection connection, DbTransaction transaction, Pending pending)
    {
        await transaction.SaveAsync("accept").ConfigureAwait(false);
        try
        {
            var result = await AcceptStatements.AcceptAsync(dialect, connection, transaction, pending.Request, CancellationToken.None).ConfigureAwait(false);
            await transaction.ReleaseAsync("accept").ConfigureAwait(false);
            return (pending, result, null);
        }
        catch (DbException ex)
        {
            await transaction.RollbackAsync("accept").ConfigureAwait(false);
            await transaction.ReleaseAsync("accept").ConfigureAwait(false);
            return (pending, null, ex);
        }
    }

    private sealed record Pending(AcceptRequest Request, TaskCompletionSource<AcceptResult> Completion);
}
