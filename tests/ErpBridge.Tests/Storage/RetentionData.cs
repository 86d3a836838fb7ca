using Dapper;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>Messages accepted and settled at given times, and row counts read straight from the tables, for the retention tests.</summary>
public sealed class RetentionData(StorageDatabase database, SqlMessageStore messages)
{
    private readonly SqlDeliveryStore deliveries = new(database.Dialect, database.Options, messages);

    public async Task AcceptAsync(string id, DateTimeOffset at, params string[] channels)
    {
        var payload = $"<m id=\"{id}\"/>";
        var message = new IncomingMessage(id, MessageType.Inventory, null, "ERP", at.AddMinutes(-1), payload, ContentHash.Of(payload), []);
        var result = await messages.AcceptAsync(new AcceptRequest(message, channels, at, "corr-" + id, "sap-pi"), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted), id);
    }

    /// <summary>Claims every due delivery of <paramref name="channel"/> at <paramref name="at"/> and records <paramref name="status"/> for each.</summary>
    public async Task SettleAsync(
        string channel, DeliveryStatus status, DateTimeOffset at, IReadOnlyList<ItemOutcome>? items = null, IReadOnlyList<string>? keys = null)
    {
        var claims = await deliveries.ClaimAsync(channel, "w1", 10_000, at, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.That(claims, Is.Not.Empty, $"{channel} has due deliveries at {at:o}");
        DateTimeOffset? next = status == DeliveryStatus.RetryScheduled ? at.AddHours(1) : null;
        var error = status is DeliveryStatus.Failed or DeliveryStatus.RetryScheduled ? "HTTP 500" : null;
        var results = claims
            .Select(c => new DeliveryResult(c.DeliveryId, c.MessageId, status, c.Attempts + 1, next, error, $"detail {status}", c.Version, keys ?? [], items))
            .ToList();
        await deliveries.CompleteAsync(channel, "w1", results, at, CancellationToken.None);
    }

    public async Task<bool> ExistsAsync(string messageId) => await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @Id", messageId) > 0;

    /// <summary>Rows of <paramref name="messageId"/> in messages, deliveries, delivery_audit and delivery_items together.</summary>
    public Task<long> RowsOfAsync(string messageId) =>
        CountAsync(
            """
            SELECT (SELECT COUNT(*) FROM messages WHERE message_id = @Id)
                 + (SELECT COUNT(*) FROM deliveries WHERE message_id = @Id)
                 + (SELECT COUNT(*) FROM delivery_audit WHERE message_id = @Id)
                 + (SELECT COUNT(*) FROM delivery_items WHERE delivery_id IN (SELECT delivery_id FROM deliveries WHERE message_id = @Id))
            """,
            messageId);

    public async Task<long> CountAsync(string sql, object? id = null)
    {
        await using var connection = await database.Dialect.OpenAsync(database.Options.ConnectionString, writer: false, CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql, new { Id = id });
    }
}
