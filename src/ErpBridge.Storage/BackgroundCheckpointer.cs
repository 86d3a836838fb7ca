using Dapper;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Storage;

/// <summary>
/// Runs the dialect's checkpoint on a connection of its own every few hundred milliseconds, so that the writer's
/// commits rarely wait for pages to be copied from the write-ahead log into the database file (the writer's own
/// checkpoint then has little left to do).
/// </summary>
internal sealed class BackgroundCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public BackgroundCheckpointer(SqlDialect dialect, string connectionString, string checkpoint, ILogger logger) =>
        loop = Task.Run(() => RunAsync(dialect, connectionString, checkpoint, logger, stop.Token));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }

    private static async Task RunAsync(SqlDialect dialect, string connectionString, string checkpoint, ILogger logger, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await using var connection = await dialect.OpenAsync(connectionString, writer: false, cancellationToken);
                    await connection.ExecuteAsync(new CommandDefinition(checkpoint, cancellationToken: cancellationToken));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Checkpoint failed; the next one retries");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
