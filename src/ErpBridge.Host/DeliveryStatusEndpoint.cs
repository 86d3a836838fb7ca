using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Core.Status;
using ErpBridge.Host.Monitoring;
using ErpBridge.Host.Retention;

namespace ErpBridge.Host;

/// <summary>
/// GET /status/deliveries: how many deliveries each channel has in each status, for dashboards, progress and the
/// benchmark, how many items of delivered messages each channel skipped or failed on their own (<c>items</c>:
/// Skipped, Failed, Resend), and which channels are paused, by whom and why. GET /status: each configured channel's
/// state (Active, or Paused with the reason), and the last retention purge this node ran (null before the first).
/// Counts, channel names and pause reasons only, no message content; for the users of <see cref="MonitoringPolicy"/>.
/// The channels are the configured ones and any paused: each is counted through its index ranges (see
/// <see cref="IMonitoringStore"/>), never by reading the whole deliveries table.
/// </summary>
public static class DeliveryStatusEndpoint
{
    public static void MapDeliveryStatus(this WebApplication app)
    {
        app.MapGet("/status/deliveries", async (IMonitoringStore monitoring, IDeliveryStore store, BridgeOptions bridge, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var pauses = await store.ListPausesAsync(cancellationToken);
            var channels = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
            var items = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
            foreach (var channel in bridge.Channels.Keys.Concat(pauses.Select(p => p.Channel)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var counts = await monitoring.CountDeliveriesAsync(channel, cancellationToken);
                if (counts.Count > 0)
                {
                    channels[channel] = counts.ToDictionary(c => c.Status.ToString(), c => c.Count, StringComparer.Ordinal);
                }

                var itemCounts = await monitoring.CountItemsAsync(channel, cancellationToken);
                if (itemCounts.Count > 0)
                {
                    items[channel] = itemCounts.ToDictionary(c => c.State, c => c.Count, StringComparer.Ordinal);
                }
            }

            var paused = pauses.ToDictionary(p => p.Channel, Describe, StringComparer.Ordinal);
            return Results.Json(new { at = time.GetUtcNow(), channels, items, paused });
        }).RequireAuthorization(MonitoringPolicy.Name);
        app.MapGet("/status", async (IDeliveryStore store, BridgeOptions bridge, PurgeRunner purges, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var paused = (await store.ListPausesAsync(cancellationToken)).ToDictionary(p => p.Channel, StringComparer.Ordinal);
            var channels = bridge.Channels.Keys.Order(StringComparer.Ordinal).ToDictionary(
                c => c,
                c => paused.TryGetValue(c, out var pause) ? Describe(pause) : new ChannelState("Active", null, null, null, null),
                StringComparer.Ordinal);
            return Results.Json(new { at = time.GetUtcNow(), channels, purge = purges.Last });
        }).RequireAuthorization(MonitoringPolicy.Name);
    }

    private static ChannelState Describe(ChannelPause pause) => new("Paused", pause.By.ToString(), pause.Reason, pause.PausedAt, pause.ProbeAt);

    /// <summary>A channel as /status shows it.</summary>
    private sealed record ChannelState(string State, string? PausedBy, string? Reason, DateTimeOffset? PausedAt, DateTimeOffset? ProbeAt);
}
