using System.Text.Json;
using Dapper;
using ErpBridge.Core.Retention;

namespace ErpBridge.Storage;

/// <summary>
/// The retention purge over any <see cref="SqlDialect"/> (migration 0013). Finding runs on a connection of its own;
/// each delete is one write of its own, on SQLite a savepoint in the accept writer's next round (so that it queues
/// behind the accepts waiting then instead of holding the database lock against them) and elsewhere a short
/// transaction.
/// </summary>
public sealed class SqlRetentionStore : IRetentionStore
{
    private readonly SqlDialect dialect;
    private readonly SqlConnections connections;
    private readonly OrderNumberCache? orderNumbers;

    public SqlRetentionStore(SqlDialect dialect, StorageOptions options, SqlMessageStore messages)
    {
        this.dialect = dialect;
        connections = new SqlConnections(dialect, options, messages);
        orderNumbers = messages.OrderNumbers;
    }

    public async Task<IReadOnlyList<MessageKey>> FindDeliveredMessagesAsync(DateTimeOffset before, MessageKey after, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            dialect.SelectDeliveredMessages,
            dialect.Parameters(new { Before = dialect.Time(before), AfterAt = dialect.Time(after.ReceivedAt), AfterId = after.MessageId, Max = max }),
            cancellationToken: cancellationToken));
        return rows.Select(r => new MessageKey(SqlDialect.ReadTime(r.ReceivedAt), r.MessageId)).ToList();
    }

    public Task<int> PurgeDeliveredMessagesAsync(IReadOnlyList<string> messageIds, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Ids = JsonSerializer.Serialize(messageIds), Before = dialect.Time(before) });
        return connections.WriteAsync((c, t) => c.Execute(dialect.PurgeDeliveredMessages, parameters, t), cancellationToken);
    }

    public async Task<int> PurgeAcknowledgedOrdersAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var purged = await DeleteAsync(dialect.PurgeAcknowledgedOrders, dialect.Parameters(new { Before = dialect.Time(before), Max = max }), cancellationToken);
        if (purged > 0)
        {
            // A shipment for a purged order is refused like one for an order never fetched.
            orderNumbers?.Forget();
        }

        return purged;
    }

    public Task<int> PurgeSentIdocAuditsAsync(DateTimeOffset before, int max, CancellationToken cancellationToken) =>
        DeleteAsync(dialect.PurgeSentIdocAudits, dialect.Parameters(new { Before = dialect.Time(before), Max = max }), cancellationToken);

    public async Task<IReadOnlyList<long>> FindOldReconciliationRunsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(dialect.SelectOldRuns, dialect.Parameters(new { Before = dialect.Time(before) }), cancellationToken: cancellationToken))).ToList();
    }

    public Task<int> PurgeReconciliationRunAsync(long runId, DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var at = dialect.Time(before);
        return connections.WriteAsync(
            (c, t) =>
            {
                var deleted = c.Execute(dialect.PurgeRunLevels, dialect.Parameters(new { RunId = runId, Before = at, Max = max }), t);
                if (deleted < max)
                {
                    deleted += c.Execute(dialect.PurgeRunItems, dialect.Parameters(new { RunId = runId, Before = at, Max = max - deleted }), t);
                }

                if (deleted < max)
                {
                    deleted += c.Execute(dialect.PurgeRun, dialect.Parameters(new { RunId = runId, Before = at }), t);
                }

                return deleted;
            },
            cancellationToken);
    }

    private Task<int> DeleteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        connections.WriteAsync((c, t) => c.Execute(sql, parameters, t), cancellationToken);

    // A class with setters, not a positional record: Dapper then converts each column.
    private sealed class KeyRow
    {
        public string MessageId { get; set; } = "";

        public object ReceivedAt { get; set; } = "";
    }
}
