using System.Text;
using Dapper;
using ErpBridge.Core.Operators;

namespace ErpBridge.Storage;

/// <summary>The operator console's audit trail and message search over any <see cref="SqlDialect"/> (migration 0018).</summary>
public sealed class SqlConsoleStore : IOperatorActionStore, IMessageBrowser, IOrderBrowser, IRunBrowser
{
    /// <summary>How far back a text search looks when the search gives no start: it reads documents, so it needs a bound.</summary>
    public static readonly TimeSpan DefaultTextWindow = TimeSpan.FromDays(1);

    private static readonly DateTimeOffset Earliest = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private readonly SqlDialect dialect;
    private readonly SqlConnections connections;
    private readonly TimeProvider time;

    /// <param name="messages">The message store whose writer takes the writes where it has one (SQLite).</param>
    public SqlConsoleStore(SqlDialect dialect, StorageOptions options, SqlMessageStore messages, TimeProvider time)
    {
        this.dialect = dialect;
        this.time = time;
        connections = new SqlConnections(dialect, options, messages);
    }

    public Task RecordAsync(OperatorAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var parameters = dialect.Parameters(new
        {
            Now = dialect.Time(action.At),
            action.Operator,
            action.Action,
            action.MessageId,
            action.Channel,
            action.Detail,
        });
        return connections.WriteAsync((c, t) => c.Execute(dialect.InsertOperatorAction, parameters, t), cancellationToken);
    }

    public async Task<IReadOnlyList<OperatorAction>> ListAsync(string? messageId, string? channel, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ActionRow>(new CommandDefinition(
            dialect.SelectOperatorActions, dialect.Parameters(new { MessageId = messageId, Channel = channel, Limit = limit }), cancellationToken: cancellationToken));
        return rows.Select(r => new OperatorAction(r.Id, SqlDialect.ReadTime(r.At), r.Operator, r.Action, r.MessageId, r.Channel, r.Detail)).ToList();
    }

    public async Task<IReadOnlyList<MessageSummary>> SearchAsync(MessageSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var text = string.IsNullOrWhiteSpace(search.Text) ? null : "%" + EscapeLike(search.Text.Trim()) + "%";
        var from = search.From ?? (text is null ? null : time.GetUtcNow() - DefaultTextWindow);
        var parameters = dialect.Parameters(new
        {
            MessageId = Blank(search.MessageId),
            SourceSystem = Blank(search.SourceSystem),
            MessageType = Blank(search.Type),
            // Times always bound (an unbounded side is the earliest or latest time), because a null of no declared
            // type has no type PostgreSQL can infer.
            ReceivedFrom = dialect.Time(from ?? Earliest),
            ReceivedTo = dialect.Time(search.To ?? Latest),
            BeforeAt = dialect.Time(search.BeforeAt is { } b && search.BeforeId is not null ? b : Latest),
            BeforeId = search.BeforeAt is null ? "" : search.BeforeId ?? "",
            Text = text,
            Status = search.Status?.ToString(),
            Limit = Math.Clamp(search.Limit, 1, 1000),
        });
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(dialect.SearchMessages, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new MessageSummary(r.MessageId, r.MessageType, r.DocumentType, r.SourceSystem, SqlDialect.ReadTime(r.ReceivedAt))).ToList();
    }

    public async Task<MessageDetail?> GetAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DetailRow>(new CommandDefinition(
            dialect.SelectMessageDetail, dialect.Parameters(new { MessageId = messageId }), cancellationToken: cancellationToken));
        return row is null
            ? null
            : new MessageDetail(
                row.MessageId, row.MessageType, row.DocumentType, row.SourceSystem, row.Client, SqlDialect.ReadTime(row.SentAt), SqlDialect.ReadTime(row.ReceivedAt),
                row.CorrelationId, row.Payload, row.Canonical);
    }

    public async Task<OrderDetail?> GetOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OrderDetailRow>(new CommandDefinition(
            dialect.SelectOrderDetail, dialect.Parameters(new { OrderId = orderId }), cancellationToken: cancellationToken));
        return row is null
            ? null
            : new OrderDetail(
                row.ToView(), row.PlatformOrderId, Convert.ToBoolean(row.Cancelled, System.Globalization.CultureInfo.InvariantCulture), row.CanonicalXml,
                SqlDialect.ReadTime(row.PlatformUpdatedAt), SqlDialect.ReadTime(row.FirstSeenAt), row.FetchedRevision,
                SqlDialect.ReadNullableTime(row.AcknowledgedAt), SqlDialect.ReadNullableTime(row.NextPushAt));
    }

    public async Task<IReadOnlyList<long>> RecentRunIdsAsync(string? channel, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            dialect.SelectRecentRunIds, dialect.Parameters(new { Channel = Blank(channel), Limit = Math.Clamp(limit, 1, 1000) }), cancellationToken: cancellationToken));
        return ids.ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The text as a LIKE pattern's literal part, with \ as the escape character.</summary>
    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '\\' or '%' or '_' or '[')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private sealed class ActionRow
    {
        public long Id { get; set; }

        public object At { get; set; } = "";

        public string Operator { get; set; } = "";

        public string Action { get; set; } = "";

        public string? MessageId { get; set; }

        public string? Channel { get; set; }

        public string? Detail { get; set; }
    }

    private sealed class SummaryRow
    {
        public string MessageId { get; set; } = "";

        public string MessageType { get; set; } = "";

        public string? DocumentType { get; set; }

        public string SourceSystem { get; set; } = "";

        public object ReceivedAt { get; set; } = "";
    }

    private sealed class DetailRow
    {
        public string MessageId { get; set; } = "";

        public string MessageType { get; set; } = "";

        public string? DocumentType { get; set; }

        public string SourceSystem { get; set; } = "";

        public string Client { get; set; } = "";

        public object SentAt { get; set; } = "";

        public object ReceivedAt { get; set; } = "";

        public string CorrelationId { get; set; } = "";

        public string Payload { get; set; } = "";

        public string? Canonical { get; set; }
    }

    private sealed class OrderDetailRow : OrderViewRow
    {
        public string PlatformOrderId { get; set; } = "";

        public object Cancelled { get; set; } = false;

        public string CanonicalXml { get; set; } = "";

        public object PlatformUpdatedAt { get; set; } = "";

        public object FirstSeenAt { get; set; } = "";

        public long? FetchedRevision { get; set; }

        public object? AcknowledgedAt { get; set; }

        public object? NextPushAt { get; set; }
    }
}
