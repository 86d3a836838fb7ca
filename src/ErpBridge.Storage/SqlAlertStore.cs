using Dapper;
using ErpBridge.Core.Alerts;

namespace ErpBridge.Storage;

/// <summary>The alert outbox and alert states over any <see cref="SqlDialect"/> (migration 0017).</summary>
public sealed class SqlAlertStore : IAlertStore
{
    private readonly SqlDialect dialect;
    private readonly SqlConnections connections;

    public SqlAlertStore(SqlDialect dialect, StorageOptions options, SqlMessageStore messages)
    {
        this.dialect = dialect;
        connections = new SqlConnections(dialect, options, messages);
    }

    public Task EnqueueAsync(IReadOnlyList<OutboxAlert> alerts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            return Task.CompletedTask;
        }

        var rows = Rows(alerts, now);
        return connections.WriteAsync((c, t) => rows.Sum(r => c.Execute(dialect.InsertAlert, r, t)), cancellationToken);
    }

    public Task<bool> TransitionAsync(string key, string? expected, string value, IReadOnlyList<OutboxAlert> alerts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var state = expected is null
            ? (Sql: dialect.InsertAlertStateIfAbsent, Parameters: dialect.Parameters(new { Key = key, Value = value, Now = dialect.Time(now) }))
            : (Sql: dialect.UpdateAlertState, Parameters: dialect.Parameters(new { Key = key, Value = value, Expected = expected, Now = dialect.Time(now) }));
        var rows = Rows(alerts, now);
        return connections.WriteAsync(
            (c, t) =>
            {
                if (c.Execute(state.Sql, state.Parameters, t) != 1)
                {
                    return false;
                }

                foreach (var row in rows)
                {
                    c.Execute(dialect.InsertAlert, row, t);
                }

                return true;
            },
            cancellationToken);
    }

    public async Task<string?> GetStateAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(dialect.SelectAlertState, dialect.Parameters(new { Key = key }), cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ClaimedAlert>> ClaimAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Max = max, Now = dialect.Time(now), Until = dialect.Time(now + lease) });
        return await connections.WriteAsync<IReadOnlyList<ClaimedAlert>>(
            (c, t) => c.Query<ClaimedRow>(dialect.ClaimAlerts, parameters, t)
                .Select(r => new ClaimedAlert(r.AlertId, r.Webhook, r.Body, r.Attempts, SqlDialect.ReadTime(r.CreatedAt)))
                .ToList(),
            cancellationToken);
    }

    public Task CompleteAsync(ClaimedAlert alert, AlertSendState state, DateTimeOffset? retryAt, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var parameters = dialect.Parameters(new
        {
            alert.AlertId,
            alert.Webhook,
            State = state.ToString(),
            RetryAt = retryAt is { } at ? dialect.Time(at) : null,
            Error = error,
            Now = dialect.Time(now),
        });
        return connections.WriteAsync((c, t) => c.Execute(dialect.CompleteAlert, parameters, t), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastOrderPollsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PollRow>(new CommandDefinition(dialect.SelectOrderPolls, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Channel, r => SqlDialect.ReadTime(r.PolledAt), StringComparer.Ordinal);
    }

    private List<object> Rows(IReadOnlyList<OutboxAlert> alerts, DateTimeOffset now) =>
        alerts.Select(a => dialect.Parameters(new { a.AlertId, a.Webhook, a.Body, Now = dialect.Time(now) })).ToList();

    // Classes with setters, not positional records: Dapper then converts each column (INTEGER is long on SQLite, int on SQL Server).
    private sealed class ClaimedRow
    {
        public string AlertId { get; set; } = "";

        public string Webhook { get; set; } = "";

        public string Body { get; set; } = "";

        public int Attempts { get; set; }

        public object CreatedAt { get; set; } = "";
    }

    private sealed class PollRow
    {
        public string Channel { get; set; } = "";

        public object PolledAt { get; set; } = "";
    }
}
