using ErpBridge.Core.Metrics;
using ErpBridge.Core.Routing;
using ErpBridge.Core.Status;

namespace ErpBridge.Host.Monitoring;

/// <summary>
/// The per-channel gauges, read from the database at most once per <see cref="MonitoringOptions.GaugeCache"/>: several
/// Prometheus servers scraping every 15 s share one reading. The collector asks synchronously, so the reading blocks
/// that one scrape for its few indexed queries; a database that fails keeps the last reading (and is logged).
/// </summary>
public sealed class ChannelGauges(IMonitoringStore store, BridgeOptions bridge, MonitoringOptions options, TimeProvider time, ILogger<ChannelGauges> logger) : IChannelGauges
{
    private readonly Lock gate = new();
    private IReadOnlyList<ChannelGaugeReading> readings = [];
    private DateTimeOffset? readAt;

    public IReadOnlyList<ChannelGaugeReading> Read()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (readAt is { } last && now - last < options.GaugeCache)
            {
                return readings;
            }

            readAt = now;
            try
            {
                // Blocking here is deliberate: instruments are observed synchronously, on a thread of the scrape.
                readings = ReadAsync(now, CancellationToken.None).GetAwaiter().GetResult();
            }
#pragma warning disable CA1031 // A failed reading must not fail the scrape of every other metric.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Metrics: the channel gauges could not be read from the database");
            }

            return readings;
        }
    }

    private async Task<IReadOnlyList<ChannelGaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new List<ChannelGaugeReading>(bridge.Channels.Count);
        foreach (var channel in bridge.Channels.Keys.Order(StringComparer.Ordinal))
        {
            var backlog = await store.ReadBacklogAsync(channel, now - TimeSpan.FromHours(1), cancellationToken);
            var polled = await store.LastPollAsync(channel, cancellationToken);
            var waited = backlog.EarliestDue is { } due && due < now ? now - due : TimeSpan.Zero;
            result.Add(new ChannelGaugeReading(channel, backlog.Waiting, waited, backlog.DeliveredSince, polled is { } at ? Max(now - at, TimeSpan.Zero) : null));
        }

        return result;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
