using System.Data.Common;
using System.Text.Json;
using Dapper;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;

namespace ErpBridge.Storage;

/// <summary>Delivery state over any <see cref="SqlDialect"/>; where statements run is <see cref="SqlConnections"/>'s to say.</summary>
public sealed partial class SqlDeliveryStore : IDeliveryStore
{
    private readonly SqlDialect dialect;
    private readonly SqlConnections connections;

    /// <param name="messages">The message store whose writer takes the delivery writes where it has one.</param>
    public SqlDeliveryStore(SqlDialect dialect, StorageOptions options, SqlMessageStore messages)
    {
        this.dialect = dialect;
        connections = new SqlConnections(dialect, options, messages);
    }

    public async Task<bool> TryLeaseChannelAsync(string channel, string worker, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Channel = channel, Holder = worker, Now = dialect.Time(now), Until = dialect.Time(now + duration) });
        var holder = await WriteAsync((c, t) => c.ExecuteScalar<string>(dialect.LeaseChannel, parameters, t), cancellationToken);
        return holder == worker;
    }

    public async Task ReleaseChannelAsync(string channel, string worker, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Channel = channel, Holder = worker });
        await WriteAsync((c, t) => c.Execute(dialect.ReleaseChannel, parameters, t), cancellationToken);
    }

    public async Task<bool> RenewChannelLeaseAsync(string channel, string worker, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Channel = channel, Holder = worker, Now = dialect.Time(now), Until = dialect.Time(now + duration) });
        return await WriteAsync((c, t) => c.ExecuteScalar<long>(dialect.RenewChannelLease, parameters, t), cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string channel, string worker, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Channel = channel, Worker = worker, Max = max, Now = dialect.Time(now), Until = dialect.Time(now + lease) });
        var claims = await WriteAsync((c, t) => c.Query<ClaimRow>(dialect.ClaimDeliveries, parameters, t).ToList(), cancellationToken);
        if (claims.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);

        var ids = JsonSerializer.Serialize(claims.Select(c => c.MessageId).Distinct(StringComparer.Ordinal));
        var messages = (await connection.QueryAsync<MessageRow>(new CommandDefinition(dialect.SelectMessagesById, dialect.Parameters(new { Ids = ids }), cancellationToken: cancellationToken)))
            .ToDictionary(m => m.MessageId, StringComparer.Ordinal);
        return claims
            .OrderBy(c => c.DeliveryId)
            .Select(c =>
            {
                var m = messages[c.MessageId];
                return new ClaimedDelivery(
                    c.DeliveryId,
                    c.MessageId,
                    channel,
                    (int)c.Attempts,
                    Enum.Parse<MessageType>(m.MessageType),
                    m.DocumentType,
                    SqlDialect.ReadTime(m.SentAt),
                    SqlDialect.ReadTime(m.ReceivedAt),
                    m.Payload,
                    (int)c.UnfinishedClaims,
                    SqlDialect.ReadNullableTime(c.RetryFrom),
                    m.Canonical);
            })
            .ToList();
    }

    public async Task<int> ReleaseClaimsAsync(string channel, string worker, IReadOnlyCollection<long> deliveryIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (deliveryIds.Count == 0)
        {
            return 0;
        }

        var parameters = dialect.Parameters(new { Ids = JsonSerializer.Serialize(deliveryIds), Worker = worker, Now = dialect.Time(now) });
        return await WriteAsync((c, t) => c.Execute(dialect.ReleaseDeliveries, parameters, t), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, ItemVersion>> GetItemVersionsAsync(string channel, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken)
    {
        if (itemKeys.Count == 0)
        {
            return new Dictionary<string, ItemVersion>();
        }

        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            dialect.SelectItemVersions, dialect.Parameters(new { Channel = channel, Keys = JsonSerializer.Serialize(itemKeys) }), cancellationToken: cancellationToken));
        return rows.ToDictionary(
            r => r.ItemKey,
            r => new ItemVersion(SqlDialect.ReadTime(r.SentAt), SqlDialect.ReadTime(r.ReceivedAt), r.MessageId),
            StringComparer.Ordinal);
    }

    public async Task<int> CompleteAsync(string channel, string worker, IReadOnlyList<DeliveryResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return 0;
        }

        // Times inside JSON rows are ISO text on every database: a culture's format loses the fractions and is read
        // as another date, or not at all, by a server whose login expects another order.
        var rows = JsonSerializer.Serialize(results.Select(r => new
        {
            d = r.DeliveryId,
            s = r.Status.ToString(),
            a = r.Attempts,
            n = r.NextAttemptAt is { } next ? SqlDialect.JsonTime(next) : null,
            e = r.LastError,
            x = r.Detail,
        }));

        // One row per key, the newest: a later message in the same batch may have delivered the same key.
        var versions = new Dictionary<string, ItemVersion>(StringComparer.Ordinal);
        // A price message that applied its due prices and waits for later ones is RetryScheduled with keys delivered.
        foreach (var result in results.Where(r => r.Status == DeliveryStatus.Delivered || (r.Status == DeliveryStatus.RetryScheduled && r.DeliveredKeys.Count > 0)))
        {
            foreach (var key in result.DeliveredKeys)
            {
                if (!versions.TryGetValue(key, out var known) || result.Version.IsNewerThan(known))
                {
                    versions[key] = result.Version;
                }
            }
        }

        var versionRows = versions.Count == 0 ? null : JsonSerializer.Serialize(versions.Select(v => new
        {
            k = v.Key,
            s = SqlDialect.JsonTime(v.Value.SentAt),
            r = SqlDialect.JsonTime(v.Value.ReceivedAt),
            m = v.Value.MessageId,
        }));
        var completion = dialect.Parameters(new { Rows = rows, Worker = worker, Now = dialect.Time(now) });
        var items = ItemRows(channel, results, worker, now);
        return await WriteAsync(
            (c, t) =>
            {
                if (items is not null)
                {
                    c.Execute(dialect.RecordDeliveryItems, items, t);
                }

                var recorded = c.ExecuteScalar<long>(dialect.CompleteDeliveries, completion, t);
                if (versionRows is not null)
                {
                    c.Execute(dialect.UpsertItemVersions, dialect.Parameters(new { Channel = channel, Rows = versionRows }), t);
                }

                return (int)recorded;
            },
            cancellationToken);
    }

    /// <summary>Failed deliveries and failed items of delivered messages, oldest delivery first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string? channel, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DeadLetterRow>(new CommandDefinition(
            dialect.SelectDeadLetters, dialect.Parameters(new { Channel = channel, Limit = limit }), cancellationToken: cancellationToken))).ToList();
        rows.AddRange(await connection.QueryAsync<DeadLetterRow>(new CommandDefinition(
            dialect.SelectDeadItems, dialect.Parameters(new { Channel = channel, Limit = limit }), cancellationToken: cancellationToken)));
        return rows
            .OrderBy(r => r.DeliveryId).ThenBy(r => r.Item, StringComparer.Ordinal)
            .Take(limit)
            .Select(r => new DeadLetter(
                r.DeliveryId, r.MessageId, r.Channel, Enum.Parse<MessageType>(r.MessageType), (int)r.Attempts, SqlDialect.ReadNullableTime(r.LastAttemptAt), r.LastError, r.Item))
            .ToList();
    }

    public async Task<int> DiscardAsync(string? messageId, string? channel, string? item, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { MessageId = messageId, Channel = channel, Item = item, Detail = detail, Now = dialect.Time(now) });
        return await WriteAsync(
            (c, t) =>
            {
                // The audit insert and the update touch the same deliveries: half the rows are the deliveries discarded.
                var deliveries = item is null ? c.Execute(dialect.DiscardDeliveries, parameters, t) / 2 : 0;
                return deliveries + c.Execute(dialect.DiscardItems, parameters, t);
            },
            cancellationToken);
    }

    public async Task<int> ResubmitAsync(string? messageId, string? channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { MessageId = messageId, Channel = channel, Now = dialect.Time(now) });
        var audited = await WriteAsync(
            (c, t) =>
            {
                // Sent whole again: the items a failed attempt recorded are no longer its outcome.
                c.Execute(dialect.ForgetItemsOfFailed, parameters, t);
                return c.Execute(dialect.ResubmitDeliveries, parameters, t);
            },
            cancellationToken);

        // Both statements touch the same rows: the audit insert and the update.
        return audited / 2;
    }

    public async Task<IReadOnlyList<AttemptView>> GetHistoryAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(dialect.SelectHistory, dialect.Parameters(new { MessageId = messageId }), cancellationToken: cancellationToken));
        return rows.Select(r => new AttemptView(
            r.Channel,
            r.FromStatus is null ? null : Enum.Parse<DeliveryStatus>(r.FromStatus),
            Enum.Parse<DeliveryStatus>(r.ToStatus),
            SqlDialect.ReadTime(r.At),
            r.Detail)).ToList();
    }

    public async Task<IReadOnlyList<DeliveryCount>> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(dialect.CountDeliveries, cancellationToken: cancellationToken));
        return rows.Select(r => new DeliveryCount(r.Channel, Enum.Parse<DeliveryStatus>(r.Status), r.Count)).ToList();
    }

    public async Task PauseChannelAsync(ChannelPause pause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pause);
        var parameters = dialect.Parameters(new
        {
            pause.Channel,
            By = pause.By.ToString(),
            pause.Reason,
            Now = dialect.Time(pause.PausedAt),
            ProbeAt = pause.ProbeAt is { } probe ? dialect.Time(probe) : null,
        });
        await WriteAsync((c, t) => c.Execute(dialect.PauseChannel, parameters, t), cancellationToken);
    }

    public async Task<bool> ResumeChannelAsync(string channel, PauseKind by, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Channel = channel, By = by.ToString() });
        return await WriteAsync((c, t) => c.Execute(dialect.ResumeChannel, parameters, t), cancellationToken) > 0;
    }

    public async Task<ChannelPause?> GetPauseAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PauseRow>(new CommandDefinition(dialect.SelectPause, dialect.Parameters(new { Channel = channel }), cancellationToken: cancellationToken));
        return row?.ToPause();
    }

    public async Task<IReadOnlyList<ChannelPause>> ListPausesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PauseRow>(new CommandDefinition(dialect.SelectPauses, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPause()).ToList();
    }

    private Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancellationToken) =>
        connections.WriteAsync(work, cancellationToken);

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => connections.OpenAsync(cancellationToken);

    private sealed class ClaimRow
    {
        public long DeliveryId { get; set; }

        public string MessageId { get; set; } = "";

        public long Attempts { get; set; }

        public long UnfinishedClaims { get; set; }

        public object? RetryFrom { get; set; }
    }

    private sealed class PauseRow
    {
        public string Channel { get; set; } = "";

        public string PausedBy { get; set; } = "";

        public string Reason { get; set; } = "";

        public object PausedAt { get; set; } = "";

        public object? ProbeAt { get; set; }

        public ChannelPause ToPause() =>
            new(Channel, Enum.Parse<PauseKind>(PausedBy), Reason, SqlDialect.ReadTime(PausedAt), SqlDialect.ReadNullableTime(ProbeAt));
    }

    private sealed class MessageRow
    {
        public string MessageId { get; set; } = "";

        public string MessageType { get; set; } = "";

        public string? DocumentType { get; set; }

        public object SentAt { get; set; } = "";

        public object ReceivedAt { get; set; } = "";

        public string Payload { get; set; } = "";

        public string? Canonical { get; set; }
    }

    private sealed class VersionRow
    {
        public string ItemKey { get; set; } = "";

        public object SentAt { get; set; } = "";

        public object ReceivedAt { get; set; } = "";

        public string MessageId { get; set; } = "";
    }

    private sealed class DeadLetterRow
    {
        public long DeliveryId { get; set; }

        public string MessageId { get; set; } = "";

        public string Channel { get; set; } = "";

        public string MessageType { get; set; } = "";

        public long Attempts { get; set; }

        public object? LastAttemptAt { get; set; }

        public string? LastError { get; set; }

        public string? Item { get; set; }
    }

    private sealed class HistoryRow
    {
        public string Channel { get; set; } = "";

        public string? FromStatus { get; set; }

        public string ToStatus { get; set; } = "";

        public object At { get; set; } = "";

        public string? Detail { get; set; }
    }

    private sealed class CountRow
    {
        public string Channel { get; set; } = "";

        public string Status { get; set; } = "";

        public long Count { get; set; }
    }
}
