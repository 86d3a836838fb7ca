using Dapper;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// A database written by an earlier version is migrated with its data: messages, deliveries in every state and the
/// audit trail read back the same afterwards, and new work goes on from there.
/// </summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class MigrationUpgradeTests(StorageTarget target)
{
    private const int HighestDeliveryIdHandedOut = 100;
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, 123, TimeSpan.Zero);
    private StorageDatabase database = null!;

    [SetUp]
    public async Task CreateAsync() => database = await StorageDatabase.CreateAsync(target, throughVersion: 4);

    [TearDown]
    public async Task DropAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task MessageSequence_FromVersion4_KeepsMessagesDeliveriesAndHistory()
    {
        await WriteVersion4DataAsync();

        var applied = await database.Migrator().ApplyAsync(CancellationToken.None);

        Assert.That(applied, Is.EqualTo(MigrationRunner.Load(database.Dialect).Count - 4));
        await using var messages = database.CreateStore();
        var deliveries = new SqlDeliveryStore(database.Dialect, database.Options, messages);

        var status = await messages.GetStatusAsync("old-1", CancellationToken.None);
        Assert.That(status!.Deliveries.Select(d => (d.Channel, d.Status, d.Attempts, d.LastError)), Is.EqualTo(new[]
        {
            ("shop-a", DeliveryStatus.Delivered, 1, (string?)null),
            ("shop-b", DeliveryStatus.Failed, 5, "422 Title can't be blank"),
        }));

        // The creations audited by the earlier version are not told twice.
        var history = await deliveries.GetHistoryAsync("old-1", CancellationToken.None);
        Assert.That(history.Select(h => (h.Channel, h.From, h.To, h.Detail)), Is.EqualTo(new (string, DeliveryStatus?, DeliveryStatus, string?)[]
        {
            ("shop-a", null, DeliveryStatus.Pending, "accepted"),
            ("shop-b", null, DeliveryStatus.Pending, "accepted"),
            ("shop-a", DeliveryStatus.InProgress, DeliveryStatus.Delivered, "delivered"),
            ("shop-b", DeliveryStatus.InProgress, DeliveryStatus.Failed, "422 Title can't be blank"),
        }));
        Assert.That(history[0].At, Is.EqualTo(T0));

        var dead = await deliveries.ListDeadLettersAsync(null, 10, CancellationToken.None);
        Assert.That(dead.Select(d => (d.MessageId, d.Channel)), Is.EqualTo(new[] { ("old-1", "shop-b") }));

        // Pending work is still claimed, a known MessageId is still a duplicate, and new deliveries get new ids.
        var claimed = await deliveries.ClaimAsync("shop-a", "w1", 10, T0.AddMinutes(5), TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.That(claimed.Select(c => c.MessageId), Is.EqualTo(new[] { "old-2" }));
        var again = await messages.AcceptAsync(Request("old-2", "<b/>"), CancellationToken.None);
        Assert.That(again.Outcome, Is.EqualTo(AcceptOutcome.Duplicate));
        Assert.That(again.Channels, Is.EqualTo(new[] { "shop-a" }));
        var fresh = await messages.AcceptAsync(Request("new-1", "<c/>"), CancellationToken.None);
        Assert.That(fresh.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
        await using var connection = database.Dialect.CreateConnection(database.Options.ConnectionString);
        await connection.OpenAsync();
        var ids = (await connection.QueryAsync<long>(Sql("SELECT delivery_id FROM {0}deliveries WHERE message_id = 'new-1'"))).ToList();
        Assert.That(ids, Has.Count.EqualTo(1));
        Assert.That(ids[0], Is.GreaterThan(HighestDeliveryIdHandedOut), "delivery ids go on from the earlier counter, never reused");
    }

    private async Task WriteVersion4DataAsync()
    {
        var d = database.Dialect;
        await using var connection = d.CreateConnection(database.Options.ConnectionString);
        await connection.OpenAsync();
        foreach (var (id, payload) in new[] { ("old-1", "<a/>"), ("old-2", "<b/>") })
        {
            await connection.ExecuteAsync(
                Sql("INSERT INTO {0}messages (message_id, message_type, document_type, source_system, client, sent_at, received_at, content_hash, correlation_id, payload) VALUES (@Id, 'Inventory', NULL, 'SAP-ECC', 'sap-pi', @At, @At, @Hash, 'corr', @Payload)"),
                new { Id = id, At = d.Time(T0), Hash = ContentHash.Of(payload), Payload = payload });
        }

        const string delivery =
            "INSERT INTO {0}deliveries (message_id, channel, status, ordering_key, attempts, created_at, next_attempt_at, last_attempt_at, last_error) VALUES (@Id, @Channel, @Status, NULL, @Attempts, @At, @At, NULL, @Error)";
        await connection.ExecuteAsync(Sql(delivery), new { Id = "old-1", Channel = "shop-a", Status = "Delivered", Attempts = 1, At = d.Time(T0), Error = (string?)null });
        await connection.ExecuteAsync(Sql(delivery), new { Id = "old-1", Channel = "shop-b", Status = "Failed", Attempts = 5, At = d.Time(T0), Error = "422 Title can't be blank" });
        await connection.ExecuteAsync(Sql(delivery), new { Id = "old-2", Channel = "shop-a", Status = "Pending", Attempts = 0, At = d.Time(T0), Error = (string?)null });

        // Ids were handed out beyond the rows that are left (as when rows are removed): none of them comes again.
        await connection.ExecuteAsync(d switch
        {
            SqlServerDialect => $"DBCC CHECKIDENT ('dbo.deliveries', RESEED, {HighestDeliveryIdHandedOut})",
            PostgreSqlDialect => $"SELECT setval(pg_get_serial_sequence('deliveries', 'delivery_id'), {HighestDeliveryIdHandedOut})",
            _ => $"UPDATE sqlite_sequence SET seq = {HighestDeliveryIdHandedOut} WHERE name = 'deliveries'",
        });

        // As the earlier version audited: the creation of each delivery, then its changes.
        const string audit =
            "INSERT INTO {0}delivery_audit (delivery_id, message_id, channel, from_status, to_status, at, detail) SELECT delivery_id, message_id, channel, @From, @To, @At, @Detail FROM {0}deliveries WHERE message_id = @Id AND channel = @Channel";
        foreach (var (id, channel) in new[] { ("old-1", "shop-a"), ("old-1", "shop-b"), ("old-2", "shop-a") })
        {
            await connection.ExecuteAsync(Sql(audit), new { Id = id, Channel = channel, From = (string?)null, To = "Pending", At = d.Time(T0), Detail = "accepted" });
        }

        await connection.ExecuteAsync(Sql(audit), new { Id = "old-1", Channel = "shop-a", From = "InProgress", To = "Delivered", At = d.Time(T0.AddMinutes(1)), Detail = "delivered" });
        await connection.ExecuteAsync(Sql(audit), new { Id = "old-1", Channel = "shop-b", From = "InProgress", To = "Failed", At = d.Time(T0.AddMinutes(2)), Detail = "422 Title can't be blank" });
    }

    private static AcceptRequest Request(string id, string payload) =>
        new(new IncomingMessage(id, MessageType.Inventory, null, "SAP-ECC", T0.AddMinutes(-1), payload, ContentHash.Of(payload), []), ["shop-a"], T0.AddMinutes(10), "corr-" + id, "sap-pi");

    private string Sql(string template) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, database.Dialect is SqlServerDialect ? "dbo." : "");
}
