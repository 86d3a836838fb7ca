using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Orders;

/// <summary>Polls one shipping channel's labels (its name in the job data); never two polls of a channel at once in this scheduler.</summary>
[DisallowConcurrentExecution]
public sealed class PollShipmentsJob(ShipmentPoller poller, ILogger<PollShipmentsJob> logger) : IJob
{
    public const string ChannelKey = "channel";

    public static JobKey KeyFor(string channel) => new($"shipments:{channel}", "orders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var channel = context.MergedJobDataMap.GetString(ChannelKey) ?? throw new JobExecutionException("The shipment polling job has no channel.");
        try
        {
            await poller.PollAsync(channel, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the cursor was not moved, so the next poll reads these labels again.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Channel {Channel}: polling shipments failed", channel);
        }
    }
}
