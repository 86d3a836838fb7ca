using ErpBridge.Core.Delivery;
using ErpBridge.Core.Metrics;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Core.Routing;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>
/// The overview page's figures, each from an indexed read or a count kept in memory, never a scan of a whole table:
/// the channel gauges the metrics export (backlog, oldest due age, delivered in the last hour, order poll lag), the
/// dead letters (by their status), pauses, each channel's latest reconciliation run, and this node's counts of the last
/// hour (accepts per operation, 429s per channel).
/// </summary>
public sealed class ConsoleOverview(
    BridgeOptions bridge, IChannelGauges gauges, IDeliveryStore deliveries, IReconciliationStore reconciliation, ConsoleActivity activity)
{
    /// <summary>Dead letters counted per page view; a channel with more shows this many and a plus.</summary>
    public const int DeadLetterCap = 1000;

    public IReadOnlyDictionary<string, long> IntakeLastHour => activity.Intake.LastHour();

    public async Task<IReadOnlyList<ChannelOverview>> ChannelsAsync(CancellationToken cancellationToken)
    {
        var readings = gauges.Read().ToDictionary(r => r.Channel, StringComparer.Ordinal);
        var pauses = (await deliveries.ListPausesAsync(cancellationToken)).ToDictionary(p => p.Channel, StringComparer.Ordinal);
        var dead = (await deliveries.ListDeadLettersAsync(null, DeadLetterCap, cancellationToken)).ToLookup(d => d.Channel, StringComparer.Ordinal);
        var rateLimited = activity.RateLimited.LastHour();
        var rows = new List<ChannelOverview>();
        foreach (var (name, channel) in bridge.Channels.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var reading = readings.GetValueOrDefault(name);
            var letters = dead[name].ToList();
            rows.Add(new ChannelOverview(
                name,
                channel.Platform,
                pauses.GetValueOrDefault(name),
                reading?.Backlog ?? 0,
                reading?.OldestPendingAge ?? TimeSpan.Zero,
                reading?.DeliveredLastHour ?? 0,
                letters.Count,
                letters.Count > 0 ? letters[^1].LastError : null,
                rateLimited.GetValueOrDefault(name),
                reading?.PollLag,
                await reconciliation.LatestAsync(name, cancellationToken)));
        }

        return rows;
    }
}
