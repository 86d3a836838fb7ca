using ErpBridge.Core.Delivery;

namespace ErpBridge.Core.Status;

/// <summary>
/// What the status endpoints and the gauges read, channel by channel, each through an index (a range of the channel's
/// rows in one status), never by reading a whole table.
/// </summary>
public interface IMonitoringStore
{
    /// <summary>How many deliveries the channel has in each status (statuses with none left out).</summary>
    Task<IReadOnlyList<DeliveryCount>> CountDeliveriesAsync(string channel, CancellationToken cancellationToken);

    /// <summary>How many items of the channel were skipped, failed, or wait to be sent again (states with none left out).</summary>
    Task<IReadOnlyList<ItemCount>> CountItemsAsync(string channel, CancellationToken cancellationToken);

    /// <summary>The channel's backlog, its earliest due time, and its deliveries delivered since <paramref name="deliveredSince"/>.</summary>
    Task<ChannelBacklog> ReadBacklogAsync(string channel, DateTimeOffset deliveredSince, CancellationToken cancellationToken);

    /// <summary>When the channel's orders were last polled successfully; null before the first poll.</summary>
    Task<DateTimeOffset?> LastPollAsync(string channel, CancellationToken cancellationToken);
}
