using ErpBridge.Core.Delivery;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Core.Routing;
using ErpBridge.Core.Status;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>The overview page's figures: each configured channel's state, backlog, failures, order polling and last reconciliation.</summary>
public sealed class ConsoleOverview(BridgeOptions bridge, IDeliveryStore deliveries, IOrderStore orders, IReconciliationStore reconciliation, TimeProvider time)
{
    public async Task<IReadOnlyList<ChannelOverview>> ChannelsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var counts = (await deliveries.CountAsync(cancellationToken)).ToLookup(c => c.Channel, StringComparer.Ordinal);
        var pauses = (await deliveries.ListPausesAsync(cancellationToken)).ToDictionary(p => p.Channel, StringComparer.Ordinal);
        var rows = new List<ChannelOverview>();
        foreach (var (name, channel) in bridge.Channels.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var byStatus = counts[name].ToDictionary(c => c.Status, c => c.Count);
            long Count(DeliveryStatus status) => byStatus.GetValueOrDefault(status);
            var cursor = await orders.GetCursorAsync(name, cancellationToken);
            var run = await reconciliation.LatestAsync(name, cancellationToken);
            rows.Add(new ChannelOverview(
                name,
                channel.Platform,
                pauses.GetValueOrDefault(name),
                Count(DeliveryStatus.Pending) + Count(DeliveryStatus.RetryScheduled) + Count(DeliveryStatus.InProgress),
                Count(DeliveryStatus.RetryScheduled),
                Count(DeliveryStatus.Delivered),
                Count(DeliveryStatus.Failed),
                cursor is { } c ? now - c : null,
                run));
        }

        return rows;
    }
}
