using ErpBridge.Core.Reconciliation;
using ErpBridge.Core.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Reconciliation;

/// <summary>
/// One reconciliation job per channel that can read its stock, on its cron schedule; runs left Running by a stopped
/// process are resumed at start; runs asked for over SOAP are started through <see cref="IReconciliationLauncher"/>.
/// </summary>
public sealed class ReconciliationScheduler(
    ISchedulerFactory schedulers,
    ReconciliationRunner runner,
    IReconciliationStore store,
    ReconciliationOptions options,
    TimeProvider time,
    ILogger<ReconciliationScheduler> logger) : IHostedService, IReconciliationLauncher
{
    private volatile IScheduler? scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = await schedulers.GetRequiredScheduler(ClusterScheduler.Name, cancellationToken);
        foreach (var channel in runner.ReconcilableChannels())
        {
            var job = JobBuilder.Create<ReconcileChannelJob>()
                .WithIdentity(ReconcileChannelJob.KeyFor(channel))
                .UsingJobData(ReconcileChannelJob.ChannelKey, channel)
                .StoreDurably()
                .RequestRecovery() // on a cluster, a run whose node died is carried on by another node
                .Build();
            await started.AddJob(job, new AddJobOptions { Replace = true }, cancellationToken);
            if (options.Enabled && options.For(channel).Enabled)
            {
                var cron = TriggerBuilder.Create()
                    .WithIdentity($"reconcile-cron:{channel}", "reconciliation")
                    .ForJob(job)
                    .WithCronSchedule(options.CronFor(channel), c => c.InTimeZone(TimeZoneInfo.Utc))
                    .Build();
                await started.ScheduleJob(cron, new ScheduleJobOptions { Replace = true }, cancellationToken);
                logger.LogInformation("Reconciling {Channel} on '{Cron}' (UTC){Heal}", channel, options.CronFor(channel), options.For(channel).Heal ? ", healing drift" : "");
            }
        }

        scheduler = started;
        foreach (var run in await store.RunningAsync(cancellationToken))
        {
            logger.LogInformation("Resuming reconciliation {RunId} of {Channel} at {Phase}", run.RunId, run.Channel, run.Phase);
            await TriggerAsync(run, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<ReconciliationRun>> StartRunsAsync(string? channel, string trigger, CancellationToken cancellationToken)
    {
        var channels = runner.ReconcilableChannels();
        if (channel is not null)
        {
            if (!channels.Contains(channel, StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"Channel '{channel}' cannot be reconciled (no bulk stock read for its platform).");
            }

            channels = [channel];
        }

        var runs = new List<ReconciliationRun>();
        foreach (var name in channels)
        {
            var (run, started) = await store.StartAsync(name, trigger, runner.Heals(name), time.GetUtcNow(), cancellationToken);
            if (started)
            {
                await TriggerAsync(run, cancellationToken);
            }

            runs.Add(run);
        }

        return runs;
    }

    private async Task TriggerAsync(ReconciliationRun run, CancellationToken cancellationToken)
    {
        if (scheduler is not { } current)
        {
            throw new InvalidOperationException("The scheduler has not started yet.");
        }

        var data = new JobDataMap { [ReconcileChannelJob.RunKey] = run.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await current.TriggerJob(ReconcileChannelJob.KeyFor(run.Channel), data, cancellationToken);
    }
}
