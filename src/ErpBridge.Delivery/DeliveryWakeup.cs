using System.Runtime.CompilerServices;
using ErpBridge.Core.Intake;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Delivery;

/// <summary>
/// Starts a channel's delivery job as soon as a message for it is accepted, instead of at the next poll. Wakes are
/// coalesced: at most one run waits behind the running one, however many messages arrive.
/// </summary>
public sealed class DeliveryWakeup(ILogger<DeliveryWakeup> logger) : IAcceptObserver
{
    private const int Idle = 0;
    private const int Queued = 1;

    private Dictionary<string, StrongBox<int>> states = new(StringComparer.Ordinal);
    private IScheduler? scheduler;

    /// <summary>From now on accepts for these channels trigger their jobs on this scheduler.</summary>
    public void Attach(IScheduler running, IEnumerable<string> channels)
    {
        states = channels.ToDictionary(c => c, _ => new StrongBox<int>(Idle), StringComparer.Ordinal);
        scheduler = running;
    }

    public void Detach() => scheduler = null;

    public void Accepted(IReadOnlyList<string> channels)
    {
        var running = scheduler;
        if (running is null)
        {
            return;
        }

        foreach (var channel in channels)
        {
            if (states.TryGetValue(channel, out var state) && Interlocked.CompareExchange(ref state.Value, Queued, Idle) == Idle)
            {
                _ = TriggerAsync(running, channel, state);
            }
        }
    }

    /// <summary>Called by the job as it starts: accepts after this point need another run.</summary>
    public void Started(string channel)
    {
        if (states.TryGetValue(channel, out var state))
        {
            Volatile.Write(ref state.Value, Idle);
        }
    }

    private async Task TriggerAsync(IScheduler running, string channel, StrongBox<int> state)
    {
        try
        {
            await running.TriggerJob(DeliverChannelJob.KeyFor(channel));
        }
        catch (Exception ex)
        {
            Volatile.Write(ref state.Value, Idle);
            logger.LogWarning(ex, "Could not wake delivery for channel {Channel}; it runs at its next poll", channel);
        }
    }
}
