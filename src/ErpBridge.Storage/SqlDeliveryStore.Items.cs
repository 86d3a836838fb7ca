using System.Text.Json;
using Dapper;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Status;

namespace ErpBridge.Storage;

/// <summary>Failures per item: the items a settled delivery skipped or failed, their dead letters and their resubmit.</summary>
public sealed partial class SqlDeliveryStore
{
    // The channels whose last round was handed items to resend: only their completions have Resend rows to clear, so
    // the rounds of every other channel write no item statement unless they have items to record.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> resending = new(StringComparer.Ordinal);

    public async Task<int> ResubmitItemsAsync(string? messageId, string? channel, string? item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { MessageId = messageId, Channel = channel, Item = item, Now = dialect.Time(now) });
        return await WriteAsync(
            (c, t) =>
            {
                c.Execute(dialect.AuditItemResubmit, parameters, t);
                var items = c.Execute(dialect.MarkItemsResent, parameters, t);
                c.Execute(dialect.PendResentDeliveries, parameters, t);
                return items;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, IReadOnlySet<string>>> GetResentItemsAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ResentRow>(new CommandDefinition(
            dialect.SelectResentItems, dialect.Parameters(new { Channel = channel }), cancellationToken: cancellationToken));
        var resent = rows
            .GroupBy(r => r.DeliveryId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(r => r.ItemKey).ToHashSet(StringComparer.Ordinal));
        resending[channel] = resent.Count > 0;
        return resent;
    }

    /// <summary>How many items each channel has skipped, failed, and waiting to be sent again.</summary>
    public async Task<IReadOnlyList<ItemCount>> CountItemsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ItemCountRow>(new CommandDefinition(dialect.CountDeliveryItems, cancellationToken: cancellationToken));
        return rows.Select(r => new ItemCount(r.Channel, r.State, r.Count)).ToList();
    }

    /// <summary>
    /// The parameters of <see cref="SqlDialect.RecordDeliveryItems"/> for the settled results of a completion (items
    /// are recorded once a delivery is settled; a retry records none), or null when there is nothing to record or clear.
    /// </summary>
    private object? ItemRows(string channel, IReadOnlyList<DeliveryResult> results, string worker, DateTimeOffset now)
    {
        var settled = results.Where(r => r.Status is DeliveryStatus.Delivered or DeliveryStatus.Failed or DeliveryStatus.Superseded).ToList();
        if (settled.Count == 0 || (!resending.GetValueOrDefault(channel) && settled.All(r => r.Items is not { Count: > 0 })))
        {
            return null;
        }

        var rows = settled
            .SelectMany(r => (r.Items ?? []).DistinctBy(i => i.Key, StringComparer.Ordinal).Select(i => new { d = r.DeliveryId, k = i.Key, s = i.State.ToString(), r = i.Reason }))
            .ToList();
        return dialect.Parameters(new
        {
            Settled = JsonSerializer.Serialize(settled.Select(r => r.DeliveryId)),
            Rows = JsonSerializer.Serialize(rows),
            Worker = worker,
            Now = dialect.Time(now),
        });
    }

    private sealed class ResentRow
    {
        public long DeliveryId { get; set; }

        public string ItemKey { get; set; } = "";
    }

    private sealed class ItemCountRow
    {
        public string Channel { get; set; } = "";

        public string State { get; set; } = "";

        public long Count { get; set; }
    }
}
