using ErpBridge.Core.Scheduling;
using Quartz;

namespace ErpBridge.Host.Retention;

/// <summary>
/// Schedules <see cref="PurgeJob"/> on ErpBridge:Retention:Schedule (cron or interval) when some kind has an age. An
/// interval's first run is one interval after the start, not at it: a restart at a busy hour does not start a purge.
/// </summary>
public sealed class RetentionScheduler(ISchedulerFactory schedulers, RetentionOptions options, TimeProvider time, ILogger<RetentionScheduler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ages = new (string Kind, TimeSpan? Age)[]
        {
            ("delivered messages", options.DeliveredMessages),
            ("acknowledged orders", options.AcknowledgedOrders),
            ("reconciliation runs", options.ReconciliationRuns),
            ("sent IDoc audits", options.IdocAudits),
        };
        var purged = ages.Where(a => RetentionOptions.Enabled(a.Age) is not null).Select(a => $"{a.Kind} after {a.Age}").ToList();
        if (purged.Count == 0)
        {
            logger.LogInformation("Retention: every kind is kept (no age set under {Section})", RetentionOptions.Section);
            return;
        }

        var scheduler = await schedulers.GetRequiredScheduler(ClusterScheduler.Name, cancellationToken);
        var job = JobBuilder.Create<PurgeJob>().WithIdentity(PurgeJob.Key).StoreDurably().Build();
        var trigger = TriggerBuilder.Create().WithIdentity("purge", "retention").ForJob(job);
        trigger = options.Interval is { } interval
            ? trigger.StartAt(time.GetUtcNow() + interval)
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
            : trigger.WithCronSchedule(options.Schedule, c => c.InTimeZone(TimeZoneInfo.Utc));
        await scheduler.ScheduleJob(job, [trigger.Build()], new ScheduleJobOptions { Replace = true }, cancellationToken);
        logger.LogInformation("Retention: purging {Kinds} on '{Schedule}' (UTC), {BatchSize} rows per batch", string.Join(", ", purged), options.Schedule, options.BatchSize);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
