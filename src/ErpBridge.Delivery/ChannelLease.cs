using ErpBridge.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Delivery;

/// <summary>
/// A channel lease held while a delivery run works (issue 16): every heartbeat it renews the lease and the run's claims
/// together, and <see cref="Lost"/> ends when it can no longer hold them: the renewal was refused (another node holds
/// the channel, or the lease expired) or failed (the database), or the lease is one heartbeat from running out because
/// no renewal landed. So a round never sends past its lease, and another node takes the channel over only when this
/// one has stopped.
/// </summary>
public sealed class ChannelLease : IAsyncDisposable
{
    private readonly IDeliveryStore store;
    private readonly string channel;
    private readonly string worker;
    private readonly TimeSpan duration;
    private readonly TimeSpan heartbeat;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource deadline;
    private readonly CancellationTokenSource stopping = new();

    // Ticks every heartbeat from when the lease was taken, however long a renewal takes.
    private readonly PeriodicTimer ticks;
    private readonly Task beating;
    private string? reason;

    private ChannelLease(IDeliveryStore store, string channel, string worker, DateTimeOffset takenAt, DeliveryOptions options, TimeProvider time, ILogger logger)
    {
        this.store = store;
        this.channel = channel;
        this.worker = worker;
        this.time = time;
        this.logger = logger;
        duration = options.LeaseDuration;
        heartbeat = options.Heartbeat;
        deadline = new CancellationTokenSource(Remaining(takenAt), time);
        deadline.Token.Register(() => Lose($"no renewal landed and the lease runs out at {takenAt + duration:O}"));
        ticks = new PeriodicTimer(heartbeat, time);
        beating = BeatAsync();
    }

    /// <summary>Ends when this run must stop sending: the lease could not be renewed, or is about to run out.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>Why the lease was lost; null while it holds.</summary>
    public string? Reason => Volatile.Read(ref reason);

    /// <summary>Renewals that landed so far.</summary>
    public int Renewals { get; private set; }

    /// <summary>Starts the heartbeat of a lease just taken (at <paramref name="takenAt"/>) by <paramref name="worker"/>.</summary>
    public static ChannelLease Hold(IDeliveryStore store, string channel, string worker, DateTimeOffset takenAt, DeliveryOptions options, TimeProvider time, ILogger logger) =>
        new(store, channel, worker, takenAt, options, time, logger);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await beating;
        ticks.Dispose();
        deadline.Dispose();
        stopping.Dispose();
        lost.Dispose();
    }

    private async Task BeatAsync()
    {
        while (!stopping.IsCancellationRequested && !lost.IsCancellationRequested)
        {
            try
            {
                await ticks.WaitForNextTickAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = time.GetUtcNow();
            bool renewed;
            try
            {
                renewed = await store.RenewChannelLeaseAsync(channel, worker, now, duration, stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever the renewal threw, the lease cannot be vouched for: the run stops sending.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Channel {Channel}: the lease could not be renewed", channel);
                Lose($"the renewal failed ({ex.GetType().Name}: {ex.Message})");
                return;
            }

            if (!renewed)
            {
                Lose("another node holds the channel, or the lease expired");
                return;
            }

            Renewals++;
            deadline.CancelAfter(Remaining(now));
        }
    }

    /// <summary>From now until one heartbeat before a lease renewed at <paramref name="renewedAt"/> runs out.</summary>
    private TimeSpan Remaining(DateTimeOffset renewedAt)
    {
        var left = renewedAt + duration - heartbeat - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private void Lose(string why)
    {
        if (Interlocked.CompareExchange(ref reason, why, null) is not null || stopping.IsCancellationRequested)
        {
            return;
        }

        logger.LogWarning(
            "Channel {Channel}: lost its delivery lease ({Reason}); worker {Worker} stops sending now, and the deliveries it has not sent are given back for another node to take over",
            channel,
            why,
            worker);
        lost.Cancel();
    }
}
