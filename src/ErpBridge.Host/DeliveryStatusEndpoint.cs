using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Host.Retention;

namespace ErpBridge.Host;

/// <summary>
/// GET /status/deliveries: how many deliveries each channel has in each status, for dashboards, progress and the
/// benchmark, how many items of delivered messages each channel skipped or failed on their own (<c>items</c>:
/// Skipped, Failed, Resend), and which channels are paused, by whom and why. GET /status: each configured channel's
/// state (Active, or Paused with the reason), and the last retention purge this node ran (null before the first).
/// Counts, channel names and pause reasons only, no message content; unauthenticated like /health.
/// </summary>
public static class DeliveryStatusEndpoint
{
    public static void MapDeliveryStatus(this WebApplication app)
    {
        app.MapGet("/status/deliveries", async (IDeliveryStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var counts = await store.CountAsync(cancellationToken);
            var channels = counts
                .GroupBy(c => c.Channel, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Status.ToString(), c => c.Count), StringComparer.Ordinal);
            var items = (await store.CountItemsAsync(cancellationToken))
                .GroupBy(c => c.Channel, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToDictionary(c => c.State, c => c.Count), StringComparer.Ordinal);
            var paused = (await store.ListPausesAsync(cancellationToken)).ToDictionary(p => p.Channel, Describe, StringComparer.Ordinal);
            return Results.Json(new { at = time.GetUtcNow(), channels, items, paused });
        });
        app.MapGet("/status", async (IDeliveryStore store, BridgeOptions bridge, PurgeRunner purges, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var paused = (await store.ListPausesAsync(cancellationToken)).ToDictionary(p => p.Channel, StringComparer.Ordinal);
            var channels = bridge.Channels.Keys.Order(StringComparer.Ordinal).ToDictionary(
                c => c,
                c => paused.TryGetValue(c, out var pause) ? Describe(pause) : new ChannelState("Active", null, null, null, null),
                StringComparer.Ordinal);
            return Results.Json(new { at = time.GetUtcNow(), channels, purge = purges.Last });
        });
    }

    private static ChannelState Describe(ChannelPause pause) => new("Paused", pause.By.ToString(), pause.Reason, pause.PausedAt, pause.ProbeAt);

    /// <summary>A channel as /status shows it.</summary>
    private sealed record ChannelState(string State, string? PausedBy, string? Reason, DateTimeOffset? PausedAt, DateTimeOffset? ProbeAt);
}
