using ErpBridge.Core.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Orders;

/// <summary>
/// One label polling job per shipping channel, on the channel's order cron (ErpBridge:Orders:Cron, or
/// Orders:Channels:&lt;name&gt;:Cron) and once at start; a webhook's hint runs it at once (<see cref="PollNowAsync"/>).
/// </summary>
public sealed class ShipmentScheduler(ISchedulerFactory schedulers, ShipmentPoller poller, OrdersOptions options, ILogger<ShipmentScheduler> logger) : IHostedService
{
    private readonly HashSet<string> scheduled = new(StringComparer.OrdinalIgnoreCase);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        var scheduler = await schedulers.GetRequiredScheduler(ClusterScheduler.Name, cancellationToken);
        foreach (var channel in poller.PollableChannels())
        {
            var job = JobBuilder.Create<PollShipmentsJob>()
                .WithIdentity(PollShipmentsJob.KeyFor(channel))
                .UsingJobData(PollShipmentsJob.ChannelKey, channel)
                .StoreDurably()
                .Build();
            var cron = TriggerBuilder.Create()
                .WithIdentity($"shipments-cron:{channel}", "orders")
                .ForJob(job)
                .WithCronSchedule(options.CronFor(channel), c => c.InTimeZone(TimeZoneInfo.Utc))
                .Build();
            var atStart = TriggerBuilder.Create().WithIdentity($"shipments-start:{channel}", "orders").ForJob(job).StartNow().Build();
            await scheduler.ScheduleJob(job, [cron, atStart], new ScheduleJobOptions { Replace = true }, cancellationToken);
            lock (scheduled)
            {
                scheduled.Add(channel);
            }

            logger.LogInformation("Polling the labels of shipping channel {Channel} on '{Cron}' (UTC)", channel, options.CronFor(channel));
        }
    }

    /// <summary>
    /// Runs the channel's label poll now, on whichever node takes it (a webhook is only a hint that there is something
    /// to read); false when the channel has no label poll (polling off, or no shipping channel of that name).
    /// </summary>
    public async Task<bool> PollNowAsync(string channel, CancellationToken cancellationToken)
    {
        lock (scheduled)
        {
            if (!scheduled.Contains(channel))
            {
                return false;
            }
        }

        var scheduler = await schedulers.GetRequiredScheduler(ClusterScheduler.Name, cancellationToken);
        await scheduler.TriggerJob(PollShipmentsJob.KeyFor(channel), null, cancellationToken);
        return true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
