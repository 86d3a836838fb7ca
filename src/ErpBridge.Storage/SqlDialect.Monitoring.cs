using ErpBridge.Core.Status;

namespace ErpBridge.Storage;

/// <summary>
/// The statements of the status endpoints and the gauges (migration 0016): each reads ranges of one channel's rows
/// through an index, never a whole table. Statuses and states are literals, so that SQL Server's filtered index and
/// PostgreSQL's and SQLite's partial indexes apply.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>The statuses a delivery settles in, whose rows only retention removes: tallied (migration 0019), not counted.</summary>
    public static readonly IReadOnlyList<DeliveryStatus> TalliedStatuses = [DeliveryStatus.Delivered, DeliveryStatus.Superseded, DeliveryStatus.Discarded];

    /// <summary>
    /// Per status (Status, Count), the deliveries of @Channel: the backlog's statuses and Failed one range of
    /// ix_deliveries_channel_due each (bounded by what waits or awaits an operator), the settled ones the channel's rows
    /// of delivery_tallies, so that the cost of a call does not grow with the rows retention keeps.
    /// </summary>
    public virtual string CountChannelDeliveries => string.Join(
        "\nUNION ALL\n",
        Enum.GetValues<DeliveryStatus>().Except(TalliedStatuses)
            .Select(s => $"SELECT '{s}' AS Status, (SELECT COUNT(*) FROM {Table("deliveries")} WHERE channel = @Channel AND status = '{s}') AS Count")
            .Append($"SELECT status AS Status, tally AS Count FROM {Table("delivery_tallies")} WHERE channel = @Channel"));

    /// <summary>The states an item row settles in on its own, tallied (migration 0019) rather than counted.</summary>
    public static readonly IReadOnlyList<ItemState> TalliedItemStates = [ItemState.Skipped, ItemState.Discarded];

    /// <summary>
    /// Per state (State, Count), the item rows of @Channel: Failed (dead letters) and Resend (waiting for the next
    /// round) one range of ix_delivery_items_state each, the settled ones the channel's rows of item_tallies.
    /// </summary>
    public virtual string CountChannelItems => string.Join(
        "\nUNION ALL\n",
        Enum.GetValues<ItemState>().Except(TalliedItemStates).Select(s => s.ToString()).Append("Resend")
            .Select(s => $"SELECT '{s}' AS State, (SELECT COUNT(*) FROM {Table("delivery_items")} WHERE state = '{s}' AND channel = @Channel) AS Count")
            .Append($"SELECT state AS State, tally AS Count FROM {Table("item_tallies")} WHERE channel = @Channel"));

    /// <summary>
    /// @Channel's waiting deliveries, the earliest next attempt of its Pending and of its RetryScheduled ones (the first
    /// entry of their index ranges), and how many it delivered since @Since (ix_deliveries_delivered, migration 0016).
    /// </summary>
    public virtual string SelectChannelBacklog =>
        $"""
        SELECT (SELECT COUNT(*) FROM {Table("deliveries")} WHERE channel = @Channel AND status IN ('Pending', 'InProgress', 'RetryScheduled')) AS Waiting,
               (SELECT MIN(next_attempt_at) FROM {Table("deliveries")} WHERE channel = @Channel AND status = 'Pending') AS EarliestPending,
               (SELECT MIN(next_attempt_at) FROM {Table("deliveries")} WHERE channel = @Channel AND status = 'RetryScheduled') AS EarliestRetry,
               (SELECT COUNT(*) FROM {Table("deliveries")} WHERE channel = @Channel AND status = 'Delivered' AND last_attempt_at >= @Since) AS DeliveredSince
        """;

    public virtual string SelectLastPoll => $"SELECT polled_at FROM {Table("order_cursors")} WHERE channel = @Channel";

    private IEnumerable<(string Name, string Sql)> MonitoringStatements()
    {
        yield return (nameof(CountChannelDeliveries), CountChannelDeliveries);
        yield return (nameof(CountChannelItems), CountChannelItems);
        yield return (nameof(SelectChannelBacklog), SelectChannelBacklog);
        yield return (nameof(SelectLastPoll), SelectLastPoll);
    }
}
