using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Orders;

/// <summary>Pushes one channel's due order revisions to its ERP endpoint; never two runs of a channel at once.</summary>
[DisallowConcurrentExecution]
public sealed class PushOrdersJob(OrderPushRunner runner, ILogger<PushOrdersJob> logger) : IJob
{
    public const string ChannelKey = "channel";

    public static JobKey KeyFor(string channel) => new($"push:{channel}", "orders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var channel = context.MergedJobDataMap.GetString(ChannelKey) ?? throw new JobExecutionException("The order push job has no channel.");
        try
        {
            await runner.RunAsync(channel, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: claims expire and are pushed again after the restart.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Channel {Channel}: pushing orders failed", channel);
        }
    }
}
