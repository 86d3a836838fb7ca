using Dapper;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>The message store's contract, run on every dialect available (SQL Server only when configured).</summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class MessageStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 26, 10, 0, 0, 123, TimeSpan.Zero);
    [Test]
    public async Task Accept_NewMessage_StoresMessageAndDeliveries_HistoryTellsTheCreation()
    {
        var result = await Messages.AcceptAsync(Request("m-1", "<a/>", ["shop-a", "shop-b"]), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
        Assert.That(result.Channels, Is.EqualTo(new[] { "shop-a", "shop-b" }));
        var status = await Messages.GetStatusAsync("m-1", CancellationToken.None);
        Assert.That(status, Is.Not.Null);
        Assert.That(status!.Type, Is.EqualTo(MessageType.Inventory));
        Assert.That(status.ReceivedAt, Is.EqualTo(ReceivedAt));
        Assert.That(status.Deliveries.Select(d => (d.Channel, d.Status, d.Attempts)), Is.EqualTo(new[] { ("shop-a", DeliveryStatus.Pending, 0), ("shop-b", DeliveryStatus.Pending, 0) }));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}delivery_audit WHERE message_id = 'm-1'"), Is.EqualTo(0), "a creation is told by the delivery row, not audited");
        var history = await new SqlDeliveryStore(Database.Dialect, Database.Options, Messages).GetHistoryAsync("m-1", CancellationToken.None);
        Assert.That(history, Is.EqualTo(new[]
        {
            new AttemptView("shop-a", null, DeliveryStatus.Pending, ReceivedAt, "accepted"),
            new AttemptView("shop-b", null, DeliveryStatus.Pending, ReceivedAt, "accepted"),
        }));
        Assert.That(await TextAsync("SELECT client FROM {0}messages WHERE message_id = 'm-1'"), Is.EqualTo("sap-pi"));
    }

    [Test]
    public async Task Accept_LogCannotBeSynced_FailsTheWaitingAcceptAndStopsAccepting()
    {
        if (Target.Name != "Sqlite")
        {
            Assert.Ignore("The log sync is SQLite's (PostgreSQL and SQL Server make their own commits durable).");
        }

        await Messages.AcceptAsync(Request("m-sync-1", "<a/>", ["shop-a"]), CancellationToken.None);

        // The log is unlinked under SQLite, which goes on writing to the open file; the sync can no longer reach it.
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Database.Options.ConnectionString).DataSource;
        File.Delete(file + "-wal");

        Assert.That(async () => await Messages.AcceptAsync(Request("m-sync-2", "<a/>", ["shop-a"]), CancellationToken.None), Throws.InstanceOf<IOException>());
        Assert.That(
            async () => await Messages.AcceptAsync(Request("m-sync-3", "<a/>", ["shop-a"]), CancellationToken.None),
            Throws.InvalidOperationException.With.Message.Contains("could not be synced"));
    }

    [Test]
    public async Task Accept_OneRefusedByTheDatabase_FailsAloneAndTheOthersOfItsRoundAreStored()
    {
        RequireTheSqliteWriter();

        await ExecuteAsync("CREATE TRIGGER refuse_one BEFORE INSERT ON messages WHEN NEW.message_id = 'round-7' BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END");
        var deliveries = new SqlDeliveryStore(Database.Dialect, Database.Options, Messages);

        // Queued while the writer waits for the database, so that they share its next round with a delivery write.
        List<Task<AcceptResult>> accepts;
        Task<bool> lease;
        await using (await HoldTheWriterAsync())
        {
            accepts = [.. Enumerable.Range(0, 40).Select(i => Messages.AcceptAsync(Request($"round-{i}", $"<a i='{i}'/>", ["shop-a"]), CancellationToken.None))];
            lease = deliveries.TryLeaseChannelAsync("shop-a", "w1", ReceivedAt, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        var outcomes = await Task.WhenAll(accepts.Select(async a =>
        {
            try
            {
                return (await a).Outcome.ToString();
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                return ex.Message;
            }
        }));

        Assert.That(outcomes.Count(o => o == nameof(AcceptOutcome.Accepted)), Is.EqualTo(39));
        Assert.That(outcomes[7], Does.Contain("refused by the test trigger"));
        Assert.That(await lease, Is.True);
        Assert.That(await TextAsync("SELECT holder FROM {0}channel_leases WHERE channel = 'shop-a'"), Is.EqualTo("w1"));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}messages WHERE message_id LIKE 'round-%'"), Is.EqualTo(39));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}deliveries WHERE message_id LIKE 'round-%'"), Is.EqualTo(39));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}messages WHERE message_id = 'round-7'"), Is.Zero);
    }

    [Test]
    public async Task OtherWrite_FailingHalfway_IsUndoneWholeAndTheAcceptsOfItsRoundAreStored()
    {
        RequireTheSqliteWriter();

        var deliveries = new SqlDeliveryStore(Database.Dialect, Database.Options, Messages);
        await Messages.AcceptAsync(Request("halfway", "<a/>", ["shop-a"]), CancellationToken.None);
        var claim = (await deliveries.ClaimAsync("shop-a", "w1", 10, ReceivedAt.AddMinutes(1), TimeSpan.FromMinutes(5), CancellationToken.None)).Single();

        // Recording the outcome marks the delivery Delivered and audits it, then raises the item version: the last
        // step is refused, so the first ones must be undone with it.
        await ExecuteAsync("CREATE TRIGGER refuse_version BEFORE INSERT ON item_versions WHEN NEW.item_key = 'inv:BAD@WH1' BEGIN SELECT RAISE(ABORT, 'version refused by the test trigger'); END");
        var outcome = new DeliveryResult(claim.DeliveryId, claim.MessageId, DeliveryStatus.Delivered, 1, null, null, "delivered", claim.Version, ["inv:BAD@WH1"]);
        List<Task<AcceptResult>> accepts;
        Task<int> complete;
        await using (await HoldTheWriterAsync())
        {
            accepts = [.. Enumerable.Range(0, 20).Select(i => Messages.AcceptAsync(Request($"beside-{i}", $"<a i='{i}'/>", ["shop-a"]), CancellationToken.None))];
            complete = deliveries.CompleteAsync("shop-a", "w1", [outcome], ReceivedAt.AddMinutes(2), CancellationToken.None);
        }


        Assert.That(async () => await complete, Throws.InstanceOf<Microsoft.Data.Sqlite.SqliteException>().With.Message.Contains("version refused by the test trigger"));
        Assert.That((await Task.WhenAll(accepts)).All(r => r.Outcome == AcceptOutcome.Accepted), Is.True);
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}messages WHERE message_id LIKE 'beside-%'"), Is.EqualTo(20));
        Assert.That(await TextAsync("SELECT status FROM {0}deliveries WHERE message_id = 'halfway'"), Is.EqualTo("InProgress"));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}delivery_audit WHERE message_id = 'halfway'"), Is.Zero);
    }

    [Test]
    public async Task Accept_DocumentWithCanonical_ClaimCarriesBoth_OthersCarryNone()
    {
        var deliveries = new SqlDeliveryStore(Database.Dialect, Database.Options, Messages);
        var document = "<SubmitDocument><Payload><MATMAS05/></Payload></SubmitDocument>";
        var canonical = "<SubmitProducts xmlns=\"urn:erpbridge:products:v1\"/>";
        var message = new IncomingMessage("doc-1", MessageType.Document, "MATMAS05", "SAP-ECC", ReceivedAt.AddMinutes(-1), document, ContentHash.Of(document), []);
        await Messages.AcceptAsync(new AcceptRequest(message, ["shop-a"], ReceivedAt, "corr-doc-1", "sap-pi", canonical), CancellationToken.None);
        await Messages.AcceptAsync(Request("plain-1", "<a/>", ["shop-a"]), CancellationToken.None);

        var claims = await deliveries.ClaimAsync("shop-a", "w1", 10, ReceivedAt.AddMinutes(1), TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.That(claims.Select(c => (c.MessageId, c.Payload, c.Canonical)), Is.EqualTo(new[] { ("doc-1", document, (string?)canonical), ("plain-1", "<a/>", null) }));
    }

    [Test]
    public async Task ReconciliationPayload_DocumentWithCanonical_TheCanonicalMessageWithNothingToMap()
    {
        var reconciliations = new SqlReconciliationStore(Database.Dialect, Database.Options, Messages);
        var document = "<SubmitDocument><Payload><LOISTD01/></Payload></SubmitDocument>";
        var canonical = "<SubmitInventory xmlns=\"urn:erpbridge:inventory:v1\"/>";
        foreach (var (id, stored) in new[] { ("doc-new", (string?)canonical), ("doc-old", null) })
        {
            var message = new IncomingMessage(id, MessageType.Document, "LOISTD01", "SAP-ECC", ReceivedAt.AddMinutes(-1), document, ContentHash.Of(document), []);
            await Messages.AcceptAsync(new AcceptRequest(message, ["shop-a"], ReceivedAt, "corr-" + id, "sap-pi", stored), CancellationToken.None);
        }

        Assert.That(await reconciliations.PayloadAsync("doc-new", CancellationToken.None), Is.EqualTo((canonical, (string?)null)));
        Assert.That(await reconciliations.PayloadAsync("doc-old", CancellationToken.None), Is.EqualTo((document, (string?)"LOISTD01")), "stored before the door mapped: mapped by the reader");
    }

    [Test]
    public async Task Accept_SameIdSameContent_DuplicateWithFirstReceipt()
    {
        await Messages.AcceptAsync(Request("m-2", "<a/>", ["shop-a"]), CancellationToken.None);
        var again = await Messages.AcceptAsync(Request("m-2", "<a/>", ["shop-a", "shop-b"], ReceivedAt.AddMinutes(5)), CancellationToken.None);

        Assert.That(again.Outcome, Is.EqualTo(AcceptOutcome.Duplicate));
        Assert.That(again.ReceivedAt, Is.EqualTo(ReceivedAt));
        Assert.That(again.Channels, Is.EqualTo(new[] { "shop-a" }));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}deliveries WHERE message_id = 'm-2'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Accept_SameIdOtherContent_ConflictStoresNothing()
    {
        await Messages.AcceptAsync(Request("m-3", "<a/>", ["shop-a"]), CancellationToken.None);
        var other = await Messages.AcceptAsync(Request("m-3", "<b/>", ["shop-a"]), CancellationToken.None);

        Assert.That(other.Outcome, Is.EqualTo(AcceptOutcome.Conflict));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}messages WHERE message_id = 'm-3'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Accept_ManyIdenticalAtOnce_ExactlyOneAccepted()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => Messages.AcceptAsync(Request("m-4", "<a/>", ["shop-a", "shop-b"]), CancellationToken.None))));

        Assert.That(results.Count(r => r.Outcome == AcceptOutcome.Accepted), Is.EqualTo(1));
        Assert.That(results.Count(r => r.Outcome == AcceptOutcome.Duplicate), Is.EqualTo(39));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}deliveries WHERE message_id = 'm-4'"), Is.EqualTo(2));
    }

    [Test]
    public async Task Accept_ManyDifferentAtOnce_AllStored()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => Messages.AcceptAsync(Request($"many-{i}", $"<a i='{i}'/>", ["shop-a"]), CancellationToken.None))));

        Assert.That(results.All(r => r.Outcome == AcceptOutcome.Accepted), Is.True);
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}messages WHERE message_id LIKE 'many-%'"), Is.EqualTo(200));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}deliveries WHERE message_id LIKE 'many-%'"), Is.EqualTo(200));
    }

    [Test]
    public async Task Accept_NoChannels_MessageStoredWithoutDeliveries()
    {
        var result = await Messages.AcceptAsync(Request("m-5", "<a/>", []), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
        Assert.That((await Messages.GetStatusAsync("m-5", CancellationToken.None))!.Deliveries, Is.Empty);
    }

    [Test]
    public async Task Accept_AfterReopen_DuplicateStillDetected()
    {
        await Messages.AcceptAsync(Request("m-6", "<a/>", ["shop-a"]), CancellationToken.None);
        await Messages.DisposeAsync();
        await using var reopened = Database.CreateStore();

        var again = await reopened.AcceptAsync(Request("m-6", "<a/>", ["shop-a"]), CancellationToken.None);
        Assert.That(again.Outcome, Is.EqualTo(AcceptOutcome.Duplicate));
    }

    [Test]
    public async Task Accept_PayloadWithQuotesAndUnicode_StoredExactly()
    {
        const string payload = "<a t=\"\\\"quoted\\\" ü € 𝄞\">line1\nline2\t</a>";
        await Messages.AcceptAsync(Request("m-7", payload, ["shop-a"]), CancellationToken.None);
        Assert.That(await TextAsync("SELECT payload FROM {0}messages WHERE message_id = 'm-7'"), Is.EqualTo(payload));
    }

    [Test]
    public async Task GetStatus_Unknown_Null()
    {
        Assert.That(await Messages.GetStatusAsync("never", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Migrations_RunTwice_AppliedOnce()
    {
        var applied = await Database.Migrator().ApplyAsync(CancellationToken.None);
        Assert.That(applied, Is.Zero);
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM {0}schema_migrations"), Is.EqualTo(MigrationRunner.Load(Database.Dialect).Count));
    }

    [Test]
    public async Task Migrations_OnASchemaANewerBuildUpgraded_AreRefusedAndNothingRuns()
    {
        var known = MigrationRunner.Load(Database.Dialect)[^1].Version;
        await ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, "INSERT INTO {0}schema_migrations (version, name, applied_at) VALUES ({1}, 'from_the_future', '2027-01-01T00:00:00Z')", Database.Dialect is SqlServerDialect ? "dbo." : "", known + 1));

        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => Database.Migrator().ApplyAsync(CancellationToken.None));

        Assert.That(refused!.Message, Does.Contain($"migration {known + 1} applied").And.Contain($"up to {known}"));
    }

    [Test]
    public async Task Ping_Reachable_Completes()
    {
        await Messages.PingAsync(CancellationToken.None);
        Assert.Pass("the database answered");
    }

    private static AcceptRequest Request(string id, string payload, string[] channels, DateTimeOffset? at = null) =>
        new(new IncomingMessage(id, MessageType.Inventory, null, "SAP-ECC", ReceivedAt.AddMinutes(-1), payload, ContentHash.Of(payload), []), channels, at ?? ReceivedAt, "corr-" + id, "sap-pi");

    private string Sql(string template) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Database.Dialect is SqlServerDialect ? "dbo." : "");

    private async Task<long> ScalarAsync(string template)
    {
        await using var connection = Database.Dialect.CreateConnection(Database.Options.ConnectionString);
        return Convert.ToInt64(await connection.ExecuteScalarAsync(Sql(template)), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void RequireTheSqliteWriter()
    {
        if (Target.Name != "Sqlite")
        {
            Assert.Ignore("Rounds of accepts and other writes in one commit are the SQLite writer's (PostgreSQL and SQL Server write each in a transaction of its own).");
        }
    }

    /// <summary>
    /// Holds the database's write lock from a connection of the test's, with one accept waiting for it in the writer's
    /// round: whatever is queued until the holder is disposed goes into the writer's next round, together.
    /// </summary>
    private async Task<IAsyncDisposable> HoldTheWriterAsync()
    {
        var holder = Database.Dialect.CreateConnection(Database.Options.ConnectionString);
        await holder.OpenAsync();
        await holder.ExecuteAsync("BEGIN IMMEDIATE");
        var waiting = Messages.AcceptAsync(Request("holds-the-writer", "<a/>", ["shop-a"]), CancellationToken.None);
        await Task.Delay(300);
        return new Release(async () =>
        {
            await holder.ExecuteAsync("ROLLBACK");
            await holder.DisposeAsync();
            Assert.That((await waiting).Outcome, Is.EqualTo(AcceptOutcome.Accepted));
        });
    }

    private sealed class Release(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = Database.Dialect.CreateConnection(Database.Options.ConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    private async Task<string?> TextAsync(string template)
    {
        await using var connection = Database.Dialect.CreateConnection(Database.Options.ConnectionString);
        return await connection.ExecuteScalarAsync<string>(Sql(template));
    }
}
