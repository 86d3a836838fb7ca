using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Delivery;

/// <summary>
/// The Quartz job of one channel (its name in the job data). Never two at once for a channel in this scheduler;
/// the channel lease keeps other nodes off it too.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeliverChannelJob(ChannelDeliveryRunner runner, DeliveryWakeup wakeup, ILogger<DeliverChannelJob> logger) : IJob
{
    public const string ChannelKey = "channel";

    public static JobKey KeyFor(string channel) => new($"deliver:{channel}", "delivery");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var channel = context.MergedJobDataMap.GetString(ChannelKey) ?? throw new JobExecutionException("The delivery job has no channel.");

        // Accepts from now on wake the job again (it runs once more after this run, never twice at once).
        wakeup.Started(channel);
        try
        {
            var handled = await runner.RunAsync(channel, cancellationToken).ConfigureAwait(false);
            if (handled > 0)
            {
                logger.LogDebug("Channel {Channel}: handled {Count} deliveries", channel, handled);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: claims expire and are taken again after the restart.
        }
        catch (Exception ex)
        {
            // The store is unreachable or similar: nothing was lost (claims expire); the next run tries again.
            logger.LogError(ex, "Channel {Channel}: delivery run failed", channel);
        }
    }
}
