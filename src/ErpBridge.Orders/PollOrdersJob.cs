using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Orders;

/// <summary>Polls one channel (its name in the job data); never two polls of a channel at once in this scheduler.</summary>
[DisallowConcurrentExecution]
public sealed class PollOrdersJob(OrderPoller poller, OrderPushWakeup pushes, ILogger<PollOrdersJob> logger) : IJob
{
    public const string ChannelKey = "channel";

    public static JobKey KeyFor(string channel) => new($"orders:{channel}", "orders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var channel = context.MergedJobDataMap.GetString(ChannelKey) ?? throw new JobExecutionException("The order polling job has no channel.");
        try
        {
            var result = await poller.PollAsync(channel, cancellationToken);
            if (result.Stored.Created + result.Stored.Changed > 0)
            {
                await pushes.WakeAsync(channel, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the cursor was not moved, so the next poll reads these orders again.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Channel {Channel}: polling orders failed", channel);
        }
    }
}
