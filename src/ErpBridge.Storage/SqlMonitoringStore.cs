using Dapper;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Status;

namespace ErpBridge.Storage;

/// <summary>The status endpoints' and gauges' reads over any <see cref="SqlDialect"/>, one channel at a time through its indexes.</summary>
public sealed class SqlMonitoringStore : IMonitoringStore
{
    private readonly SqlDialect dialect;
    private readonly SqlConnections connections;

    /// <param name="messages">The message store whose writer takes the writes where it has one (SQLite); this store only reads.</param>
    public SqlMonitoringStore(SqlDialect dialect, StorageOptions options, SqlMessageStore messages)
    {
        this.dialect = dialect;
        connections = new SqlConnections(dialect, options, messages);
    }

    public async Task<IReadOnlyList<DeliveryCount>> CountDeliveriesAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StatusCountRow>(new CommandDefinition(dialect.CountChannelDeliveries, dialect.Parameters(new { Channel = channel }), cancellationToken: cancellationToken));
        return rows.Where(r => r.Count > 0).Select(r => new DeliveryCount(channel, Enum.Parse<DeliveryStatus>(r.Status), r.Count)).ToList();
    }

    public async Task<IReadOnlyList<ItemCount>> CountItemsAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StateCountRow>(new CommandDefinition(dialect.CountChannelItems, dialect.Parameters(new { Channel = channel }), cancellationToken: cancellationToken));
        return rows.Where(r => r.Count > 0).Select(r => new ItemCount(channel, r.State, r.Count)).ToList();
    }

    public async Task<ChannelBacklog> ReadBacklogAsync(string channel, DateTimeOffset deliveredSince, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<BacklogRow>(new CommandDefinition(
            dialect.SelectChannelBacklog, dialect.Parameters(new { Channel = channel, Since = dialect.Time(deliveredSince) }), cancellationToken: cancellationToken));
        DateTimeOffset?[] due = [SqlDialect.ReadNullableTime(row.EarliestPending), SqlDialect.ReadNullableTime(row.EarliestRetry)];
        return new ChannelBacklog(row.Waiting, due.Where(d => d is not null).Min(), row.DeliveredSince);
    }

    public async Task<DateTimeOffset?> LastPollAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var polled = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(dialect.SelectLastPoll, dialect.Parameters(new { Channel = channel }), cancellationToken: cancellationToken));
        return SqlDialect.ReadNullableTime(polled);
    }

    private sealed class StatusCountRow
    {
        public string Status { get; set; } = "";

        public long Count { get; set; }
    }

    private sealed class StateCountRow
    {
        public string State { get; set; } = "";

        public long Count { get; set; }
    }

    private sealed class BacklogRow
    {
        public long Waiting { get; set; }

        public object? EarliestPending { get; set; }

        public object? EarliestRetry { get; set; }

        public long DeliveredSince { get; set; }
    }
}
