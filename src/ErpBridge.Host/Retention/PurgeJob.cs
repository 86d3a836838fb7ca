using Quartz;

namespace ErpBridge.Host.Retention;

/// <summary>Runs the retention purge; never two runs at once on a node.</summary>
[DisallowConcurrentExecution]
public sealed class PurgeJob(PurgeRunner runner, ILogger<PurgeJob> logger) : IJob
{
    public static readonly JobKey Key = new("purge", "retention");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: every batch is a transaction of its own, and the next run goes on where this one stopped.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Retention purge failed");
        }
    }
}
