using ErpBridge.Core.Reconciliation;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Reconciliation;

/// <summary>
/// Reconciles one channel: carries on the run named in the trigger's data (a run asked for over SOAP, or one left
/// Running by a stopped process), or starts a scheduled one. Never two at once for a channel in this scheduler.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReconcileChannelJob(IReconciliationStore store, ReconciliationRunner runner, TimeProvider time, ILogger<ReconcileChannelJob> logger) : IJob
{
    public const string ChannelKey = "channel";
    public const string RunKey = "run";

    public static JobKey KeyFor(string channel) => new($"reconcile:{channel}", "reconciliation");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var channel = context.MergedJobDataMap.GetString(ChannelKey) ?? throw new JobExecutionException("The reconciliation job has no channel.");
        try
        {
            long runId;
            if (context.MergedJobDataMap.ContainsKey(RunKey) && long.TryParse(context.MergedJobDataMap.GetString(RunKey), out var given))
            {
                runId = given;
            }
            else
            {
                var (run, _) = await store.StartAsync(channel, "schedule", runner.Heals(channel), time.GetUtcNow(), cancellationToken);
                runId = run.RunId;
            }

            await runner.RunAsync(runId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the run stays Running and is resumed at the next start.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Channel {Channel}: reconciliation failed", channel);
        }
    }
}
