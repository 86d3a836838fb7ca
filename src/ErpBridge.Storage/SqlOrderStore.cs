using System.Data.Common;
using Dapper;
using ErpBridge.Core.Orders;

namespace ErpBridge.Storage;

/// <summary>Store orders over any <see cref="SqlDialect"/> (migration 0003).</summary>
public sealed class SqlOrderStore : IOrderStore
{
    private readonly SqlDialect dialect;
    private readonly SqlConnections connections;
    private readonly OrderNumberCache? orderNumbers;

    public SqlOrderStore(SqlDialect dialect, StorageOptions options, SqlMessageStore messages)
    {
        this.dialect = dialect;
        connections = new SqlConnections(dialect, options, messages);
        orderNumbers = messages.OrderNumbers;
    }

    public async Task<DateTimeOffset?> GetCursorAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var value = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(dialect.SelectOrderCursor, dialect.Parameters(new { Channel = channel }), cancellationToken: cancellationToken));
        return SqlDialect.ReadNullableTime(value);
    }

    public Task SaveCursorAsync(string channel, DateTimeOffset changedSince, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Channel = channel, ChangedSince = dialect.Time(changedSince), Now = dialect.Time(now) });
        return connections.WriteAsync((c, t) => c.Execute(dialect.SaveOrderCursor, parameters, t), cancellationToken);
    }

    public async Task<OrderUpsertSummary> UpsertAsync(IReadOnlyList<OrderRevision> orders, OrderHandover handover, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (orders.Count == 0)
        {
            return new OrderUpsertSummary(0, 0, 0);
        }

        var summary = await connections.WriteAsync((c, t) => Upsert(c, t, orders, handover, now), cancellationToken);
        if (summary.Created + summary.Changed > 0)
        {
            // A new order may give a known number a second channel, a changed one may carry another number.
            orderNumbers?.Forget();
        }

        return summary;
    }

    private OrderUpsertSummary Upsert(DbConnection connection, DbTransaction transaction, IReadOnlyList<OrderRevision> orders, OrderHandover handover, DateTimeOffset now)
    {
        int created = 0, changed = 0, unchanged = 0;
        var tick = 0;
        foreach (var order in orders)
        {
            // One tick apart, so that the ERP is offered the orders of a page in the order the platform listed them.
            var storedAt = now.AddTicks(tick++);
            var parameters = dialect.Parameters(new
            {
                order.OrderId,
                order.Channel,
                order.PlatformOrderId,
                order.OrderNumber,
                order.ContentHash,
                Cancelled = order.Cancelled,
                order.CanonicalXml,
                PlatformUpdatedAt = dialect.Time(order.PlatformUpdatedAt),
                Now = dialect.Time(storedAt),
                Due = dialect.Time(now),
                Handover = handover.ToString(),
            });
            if (dialect.LockOrderForUpsert is { } lockOrder)
            {
                connection.Execute(lockOrder, dialect.Parameters(new { order.OrderId }), transaction);
            }

            var stored = connection.QuerySingleOrDefault<StoredOrderRow>(dialect.SelectOrderForUpsert, dialect.Parameters(new { order.OrderId }), transaction);
            if (stored is null)
            {
                connection.Execute(dialect.InsertOrder, parameters, transaction);
                created++;
            }
            else if (stored.ContentHash == order.ContentHash || order.PlatformUpdatedAt < SqlDialect.ReadTime(stored.PlatformUpdatedAt))
            {
                // The same content, or an older state than the one stored (a page read before a later poll's): no new revision.
                connection.Execute(dialect.TouchOrder, parameters, transaction);
                unchanged++;
            }
            else
            {
                connection.Execute(dialect.UpdateOrderRevision, parameters, transaction);
                changed++;
            }
        }

        return new OrderUpsertSummary(created, changed, unchanged);
    }

    public async Task<IReadOnlyList<PendingOrder>> FetchAsync(int max, string? channel, DateTimeOffset now, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Max = max, Channel = channel, Now = dialect.Time(now), Until = dialect.Time(now + visibility) });
        var rows = await connections.WriteAsync((c, t) => c.Query<PendingOrderRow>(dialect.FetchOrders, parameters, t).ToList(), cancellationToken);
        return ToPending(rows);
    }

    public async Task<IReadOnlyList<PendingOrder>> ClaimPushesAsync(string channel, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Max = max, Channel = channel, Now = dialect.Time(now), Until = dialect.Time(now + lease) });
        var rows = await connections.WriteAsync((c, t) => c.Query<PendingOrderRow>(dialect.ClaimOrderPushes, parameters, t).ToList(), cancellationToken);
        return ToPending(rows);
    }

    public Task<IReadOnlyList<AcknowledgeResult>> AcknowledgeAsync(IReadOnlyList<OrderAcknowledgement> acknowledgements, DateTimeOffset now, CancellationToken cancellationToken) =>
        connections.WriteAsync<IReadOnlyList<AcknowledgeResult>>((c, t) => acknowledgements.Select(a => Acknowledge(c, t, a, now)).ToList(), cancellationToken);

    private AcknowledgeResult Acknowledge(DbConnection connection, DbTransaction transaction, OrderAcknowledgement acknowledgement, DateTimeOffset now)
    {
        var stored = connection.QuerySingleOrDefault<AcknowledgeRow>(dialect.SelectOrderForAcknowledge, dialect.Parameters(new { acknowledgement.OrderId }), transaction);
        if (stored is null)
        {
            return new AcknowledgeResult(acknowledgement.OrderId, AcknowledgeStatus.Unknown, null, null);
        }

        // Without a revision the ERP acknowledges what it fetched; an order it never fetched, as it is now.
        var taken = acknowledgement.Revision ?? stored.FetchedRevision ?? stored.Revision;
        if (taken > stored.Revision || taken < 1)
        {
            return new AcknowledgeResult(acknowledgement.OrderId, AcknowledgeStatus.Unknown, stored.Revision, stored.ErpDocumentNumber);
        }

        if (stored.AcknowledgedRevision is { } done && done >= taken)
        {
            return new AcknowledgeResult(acknowledgement.OrderId, AcknowledgeStatus.AlreadyAcknowledged, stored.Revision, stored.ErpDocumentNumber);
        }

        var current = taken == stored.Revision;
        connection.Execute(dialect.AcknowledgeOrder, dialect.Parameters(new
        {
            acknowledgement.OrderId,
            AcknowledgedRevision = taken,
            acknowledgement.ErpDocumentNumber,
            Now = dialect.Time(now),
            State = current ? nameof(OrderState.Acknowledged) : nameof(OrderState.Pending),
        }), transaction);
        return new AcknowledgeResult(
            acknowledgement.OrderId, current ? AcknowledgeStatus.Acknowledged : AcknowledgeStatus.Superseded, stored.Revision, acknowledgement.ErpDocumentNumber);
    }

    public Task CompletePushAsync(PushCompletion completion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (completion.ErpDocumentNumber is { } document)
        {
            var acknowledgement = new OrderAcknowledgement(completion.OrderId, completion.Revision, document);
            return connections.WriteAsync((c, t) => Acknowledge(c, t, acknowledgement, now), cancellationToken);
        }

        var parameters = dialect.Parameters(new
        {
            completion.OrderId,
            completion.Revision,
            State = completion.Permanent ? nameof(OrderState.Failed) : nameof(OrderState.Pending),
            RetryAt = dialect.Time(completion.RetryAt ?? now),
            Error = completion.Error,
            Now = dialect.Time(now),
        });
        return connections.WriteAsync((c, t) => c.Execute(dialect.FailOrderPush, parameters, t), cancellationToken);
    }

    public async Task<IReadOnlyList<OrderView>> FindAsync(IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken)
    {
        if (orderIds.Count == 0)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrderViewRow>(new CommandDefinition(
            dialect.FindOrders, dialect.Parameters(new { Ids = System.Text.Json.JsonSerializer.Serialize(orderIds) }), cancellationToken: cancellationToken));
        return ToViews(rows);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ChannelsOfOrderNumbersAsync(IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var number in orderNumbers)
        {
            if (this.orderNumbers is { } cache && cache.TryGet(number, out var known))
            {
                found[number] = known;
            }
            else
            {
                unknown.Add(number);
            }
        }

        if (unknown.Count == 0)
        {
            return found;
        }

        var readIn = this.orderNumbers?.Generation ?? 0;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string OrderNumber, string Channel)>(new CommandDefinition(
            dialect.SelectOrderNumberChannels, dialect.Parameters(new { Numbers = System.Text.Json.JsonSerializer.Serialize(unknown) }), cancellationToken: cancellationToken));
        var read = rows.GroupBy(r => r.OrderNumber, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Channel).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        this.orderNumbers?.Keep(readIn, read);
        foreach (var (number, channels) in read)
        {
            found[number] = channels;
        }

        return found;
    }

    public async Task<IReadOnlyList<OrderView>> ListAsync(string? channel, OrderState? state, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrderViewRow>(new CommandDefinition(
            dialect.ListOrders, dialect.Parameters(new { Channel = channel, State = state?.ToString(), Limit = limit }), cancellationToken: cancellationToken));
        return ToViews(rows);
    }

    private static List<OrderView> ToViews(IEnumerable<OrderViewRow> rows) => rows.Select(r => r.ToView()).ToList();

    public Task<int> ResubmitAsync(string? orderId, string? channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { OrderId = orderId, Channel = channel, Now = dialect.Time(now) });
        return connections.WriteAsync((c, t) => c.Execute(dialect.ResubmitOrders, parameters, t), cancellationToken);
    }

    public async Task<IReadOnlyList<OrderCount>> CountAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(dialect.CountOrders, dialect.Parameters(new { Channel = channel }), cancellationToken: cancellationToken));
        return rows.Where(r => r.Count > 0).Select(r => new OrderCount(channel, Enum.Parse<OrderState>(r.State), (int)r.Count)).ToList();
    }

    /// <summary>Oldest change first: a RETURNING clause does not keep the order of the rows it updated.</summary>
    private static List<PendingOrder> ToPending(List<PendingOrderRow> rows) =>
        rows.Select(r => new PendingOrder(
                r.OrderId,
                r.Channel,
                r.OrderNumber,
                r.Revision,
                Enum.Parse<OrderChangeType>(r.ChangeType),
                r.CanonicalXml,
                SqlDialect.ReadTime(r.ChangedAt),
                (int)r.PushAttempts))
            .OrderBy(o => o.ChangedAt)
            .ThenBy(o => o.OrderId, StringComparer.Ordinal)
            .ToList();

    private sealed class StoredOrderRow
    {
        public string ContentHash { get; set; } = "";

        public object PlatformUpdatedAt { get; set; } = "";
    }

    private sealed class AcknowledgeRow
    {
        public long Revision { get; set; }

        public long? FetchedRevision { get; set; }

        public long? AcknowledgedRevision { get; set; }

        public string? ErpDocumentNumber { get; set; }
    }

    private sealed class PendingOrderRow
    {
        public string OrderId { get; set; } = "";

        public string Channel { get; set; } = "";

        public string OrderNumber { get; set; } = "";

        public long Revision { get; set; }

        public string ChangeType { get; set; } = "";

        public string CanonicalXml { get; set; } = "";

        public object ChangedAt { get; set; } = "";

        public long PushAttempts { get; set; }
    }

    private sealed class CountRow
    {
        public string State { get; set; } = "";

        public long Count { get; set; }
    }
}
