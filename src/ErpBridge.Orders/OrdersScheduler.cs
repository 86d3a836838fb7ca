using ErpBridge.Core.Orders;
using ErpBridge.Core.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Orders;

/// <summary>
/// One polling job per pollable channel on its cron schedule, run once at start as well so that a fresh bridge has
/// orders within moments; and one push job per channel whose orders are pushed.
/// </summary>
public sealed class OrdersScheduler(
    ISchedulerFactory schedulers,
    OrderPoller poller,
    OrderPushWakeup wakeup,
    OrdersOptions options,
    ILogger<OrdersScheduler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Order polling is disabled (ErpBridge:Orders:Enabled=false)");
            return;
        }

        var scheduler = await schedulers.GetRequiredScheduler(ClusterScheduler.Name, cancellationToken);
        var channels = poller.PollableChannels();
        foreach (var channel in channels)
        {
            var job = JobBuilder.Create<PollOrdersJob>()
                .WithIdentity(PollOrdersJob.KeyFor(channel))
                .UsingJobData(PollOrdersJob.ChannelKey, channel)
                .StoreDurably()
                .Build();
            var cron = TriggerBuilder.Create()
                .WithIdentity($"orders-cron:{channel}", "orders")
                .ForJob(job)
                .WithCronSchedule(options.CronFor(channel), c => c.InTimeZone(TimeZoneInfo.Utc))
                .Build();
            var atStart = TriggerBuilder.Create().WithIdentity($"orders-start:{channel}", "orders").ForJob(job).StartNow().Build();
            await scheduler.ScheduleJob(job, [cron, atStart], new ScheduleJobOptions { Replace = true }, cancellationToken);

            if (options.For(channel).Handover == OrderHandover.Push)
            {
                var push = JobBuilder.Create<PushOrdersJob>()
                    .WithIdentity(PushOrdersJob.KeyFor(channel))
                    .UsingJobData(PushOrdersJob.ChannelKey, channel)
                    .StoreDurably()
                    .Build();
                var every = TriggerBuilder.Create()
                    .WithIdentity($"push:{channel}", "orders")
                    .ForJob(push)
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(options.PushInterval).RepeatForever())
                    .Build();
                await scheduler.ScheduleJob(push, [every], new ScheduleJobOptions { Replace = true }, cancellationToken);
            }
        }

        wakeup.Attach(scheduler);
        foreach (var channel in channels)
        {
            var settings = options.For(channel);
            if (settings.Handover == OrderHandover.Push)
            {
                logger.LogInformation("Polling orders of {Channel} on '{Cron}' (UTC), pushed to ERP endpoint {Endpoint}", channel, options.CronFor(channel), settings.ErpEndpoint);
            }
            else
            {
                logger.LogInformation("Polling orders of {Channel} on '{Cron}' (UTC), held for FetchOrders", channel, options.CronFor(channel));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
