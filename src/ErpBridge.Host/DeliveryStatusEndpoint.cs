using ErpBridge.Core.Delivery;

namespace ErpBridge.Host;

/// <summary>
/// GET /status/deliveries: how many deliveries each channel has in each status, for dashboards, progress and the
/// benchmark, and how many items of delivered messages each channel skipped or failed on their own (<c>items</c>:
/// Skipped, Failed, Resend). Counts and channel names only, no message content; unauthenticated like /health.
/// </summary>
public static class DeliveryStatusEndpoint
{
    public static void MapDeliveryStatus(this WebApplication app) => app.MapGet("/status/deliveries", async (IDeliveryStore store, TimeProvider time, CancellationToken cancellationToken) =>
    {
        var counts = await store.CountAsync(cancellationToken);
        var channels = counts
            .GroupBy(c => c.Channel, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Status.ToString(), c => c.Count), StringComparer.Ordinal);
        var items = (await store.CountItemsAsync(cancellationToken))
            .GroupBy(c => c.Channel, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(c => c.State, c => c.Count), StringComparer.Ordinal);
        return Results.Json(new { at = time.GetUtcNow(), channels, items });
    });
}
