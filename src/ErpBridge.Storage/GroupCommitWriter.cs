using System.Data.Common;
using System.Threading.Channels;
using ErpBridge.Core.Intake;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Storage;

/// <summary>
/// One connection that commits the accepts waiting at that moment in one transaction (group commit), so that
/// SQLite's single writer and its sync to disk are shared by concurrent requests. Callers are answered only after
/// the commit.
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
        AcceptCommands? commands = null;
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
                    if (connection is null)
                    {
                        connection = await OpenAsync().ConfigureAwait(false);
                        commands = new AcceptCommands(dialect, connection);
                    }

                    await CommitAsync(connection, commands!, batch).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Any failure of the batch fails its callers; the loop must live on for the next one.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    logger.LogError(ex, "Group commit of {Count} accepts failed", batch.Count);
                    batch.ForEach(p => p.Completion.TrySetException(ex));
                    commands?.Dispose();
                    commands = null;
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
            commands?.Dispose();
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

    /// <summary>
    /// Commits the batch in one transaction. When anything in it fails, the batch is rolled back and each accept is
    /// retried in a transaction of its own, so that one bad request fails alone and the others still commit.
    /// </summary>
    private static async Task CommitAsync(DbConnection connection, AcceptCommands commands, List<Pending> batch)
    {
        AcceptResult[] results;
        try
        {
            results = await CommitTogetherAsync(connection, commands, batch).ConfigureAwait(false);
        }
        catch (DbException) when (batch.Count > 1)
        {
            foreach (var pending in batch)
            {
                try
                {
                    var result = await CommitTogetherAsync(connection, commands, [pending]).ConfigureAwait(false);
                    pending.Completion.TrySetResult(result[0]);
                }
                catch (DbException ex)
                {
                    pending.Completion.TrySetException(ex);
                }
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private static async Task<AcceptResult[]> CommitTogetherAsync(DbConnection connection, AcceptCommands commands, List<Pending> batch)
    {
        var results = new AcceptResult[batch.Count];
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = await commands.AcceptAsync(transaction, batch[i].Request, CancellationToken.None).ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return results;
    }

    private sealed record Pending(AcceptRequest Request, TaskCompletionSource<AcceptResult> Completion);
}
