using ErpBridge.Connectors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Delivery;

/// <summary>Schedules one delivery job per deliverable channel on the host's Quartz scheduler, polling every PollInterval.</summary>
public sealed class DeliveryScheduler(
    ISchedulerFactory schedulers,
    ConnectorRegistry connectors,
    DeliveryWakeup wakeup,
    DeliveryOptions options,
    ILogger<DeliveryScheduler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Delivery is disabled (ErpBridge:Delivery:Enabled=false): messages are stored, not sent");
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var channels = connectors.DeliverableChannels();
        foreach (var channel in channels)
        {
            var job = JobBuilder.Create<DeliverChannelJob>()
                .WithIdentity(DeliverChannelJob.KeyFor(channel))
                .UsingJobData(DeliverChannelJob.ChannelKey, channel)
                .StoreDurably()
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity($"poll:{channel}", "delivery")
                .ForJob(job)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(options.PollInterval).RepeatForever())
                .Build();
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        }

        wakeup.Attach(scheduler, channels);
        logger.LogInformation("Delivering to {Channels} every {PollInterval} and on accept", channels, options.PollInterval);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        wakeup.Detach();
        return Task.CompletedTask;
    }
}
