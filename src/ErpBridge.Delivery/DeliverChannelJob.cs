using System.Diagnostics;
using ErpBridge.Core.Delivery;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Delivery;

/// <summary>
/// The Quartz job of one channel (its name in the job data): takes the channel's lease and runs rounds until no work
/// is due or the run time is used up. Never two at once for a channel in this scheduler; the channel lease keeps other
/// nodes off it too.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeliverChannelJob(
    IDeliveryStore store,
    DeliveryRound round,
    DeliveryOptions options,
    DeliveryWakeup wakeup,
    TimeProvider time,
    ILogger<DeliverChannelJob> logger) : IJob
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
            var handled = await RunAsync(channel, cancellationToken);
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

    /// <summary>
    /// The lease loop: rounds until fewer than a full batch was due, the run time is used up, or the lease is lost.
    /// Returns the deliveries handled.
    /// </summary>
    public async Task<int> RunAsync(string channel, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!await store.TryLeaseChannelAsync(channel, round.Worker, time.GetUtcNow(), options.LeaseDuration, cancellationToken))
        {
            logger.LogDebug("Channel {Channel} is leased by another worker", channel);
            return 0;
        }

        var handled = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested && clock.Elapsed < options.MaxRunTime)
            {
                var claimed = await round.RunAsync(channel, cancellationToken);
                handled += claimed;
                if (claimed < options.BatchSize)
                {
                    break;
                }

                // Renew the lease between rounds; losing it (a long pause) ends this run.
                if (!await store.TryLeaseChannelAsync(channel, round.Worker, time.GetUtcNow(), options.LeaseDuration, cancellationToken))
                {
                    break;
                }
            }
        }
        finally
        {
            await store.ReleaseChannelAsync(channel, round.Worker, CancellationToken.None);
        }

        return handled;
    }
}
