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
    /// The lease loop: rounds until fewer than a full batch was due, the run time is used up, the lease is lost or the
    /// channel pauses. A paused channel delivers nothing; one paused for refused credentials tries one delivery when
    /// its probe is due and resumes when that goes through. Returns the deliveries handled.
    /// </summary>
    public async Task<int> RunAsync(string channel, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var takenAt = time.GetUtcNow();
        if (!await store.TryLeaseChannelAsync(channel, round.Worker, takenAt, options.LeaseDuration, cancellationToken))
        {
            logger.LogDebug("Channel {Channel} is leased by another worker", channel);
            return 0;
        }

        var handled = 0;
        try
        {
            // The heartbeat renews the lease and the claims while the rounds run; when it cannot, the rounds stop sending.
            await using var lease = ChannelLease.Hold(store, channel, round.Worker, takenAt, options, time, logger);
            if (await store.GetPauseAsync(channel, cancellationToken) is { } pause)
            {
                var (probed, resumed) = await ProbeAsync(pause, lease.Lost, cancellationToken);
                handled += probed;
                if (!resumed)
                {
                    return handled;
                }
            }

            while (!cancellationToken.IsCancellationRequested && !lease.Lost.IsCancellationRequested && clock.Elapsed < options.MaxRunTime)
            {
                var result = await round.RunAsync(channel, options.BatchSize, lease.Lost, cancellationToken);
                handled += result.Claimed;
                if (result.Claimed < options.BatchSize || result.PausedFor is not null || result.LeaseLost)
                {
                    break;
                }

                // Renew the lease between rounds; losing it (a long pause) ends this run. An operator's pause ends it too.
                if (!await store.TryLeaseChannelAsync(channel, round.Worker, time.GetUtcNow(), options.LeaseDuration, cancellationToken)
                    || await store.GetPauseAsync(channel, cancellationToken) is not null)
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

    /// <summary>
    /// A paused channel's turn: nothing for an operator's pause or before the probe is due; otherwise one delivery is
    /// tried, and the pause is lifted unless the store refused the credentials again (the round then pauses it anew,
    /// with the next probe). With nothing due to try, the probe waits another interval.
    /// </summary>
    private async Task<(int Claimed, bool Resumed)> ProbeAsync(ChannelPause pause, CancellationToken leaseLost, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (pause.By == PauseKind.Operator || pause.ProbeAt is not { } due || due > now)
        {
            return (0, false);
        }

        var probe = await round.RunAsync(pause.Channel, 1, leaseLost, cancellationToken);
        if (probe.PausedFor is not null || probe.LeaseLost)
        {
            return (probe.Claimed, false);
        }

        if (probe.Claimed == 0)
        {
            await store.PauseChannelAsync(pause with { ProbeAt = now + options.PausedProbeInterval }, cancellationToken);
            return (0, false);
        }

        if (!await store.ResumeChannelAsync(pause.Channel, PauseKind.Credentials, cancellationToken))
        {
            // An operator paused it meanwhile: that pause stays.
            return (probe.Claimed, false);
        }

        logger.LogInformation("Channel {Channel} resumed: the store took its credentials again", pause.Channel);
        return (probe.Claimed, true);
    }
}
