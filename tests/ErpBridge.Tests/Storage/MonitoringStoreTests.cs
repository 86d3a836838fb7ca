using Dapper;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// Issue 17: what /status/deliveries and the gauges read, channel by channel (migration 0016), on every dialect
/// available; and, on SQLite, that every one of those statements searches an index and reads no table whole.
/// </summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class MonitoringStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private SqlDeliveryStore deliveries = null!;
    private SqlMonitoringStore monitoring = null!;

    [SetUp]
    public void CreateStores()
    {
        deliveries = new SqlDeliveryStore(Database.Dialect, Database.Options, Messages);
        monitoring = new SqlMonitoringStore(Database.Dialect, Database.Options, Messages);
    }

    [Test]
    public async Task CountDeliveries_PerStatus_OfTheChannelAskedFor()
    {
        await AcceptAsync("m-1", ["shop-a", "shop-b"]);
        await AcceptAsync("m-2", ["shop-a"]);
        await AcceptAsync("m-3", ["shop-a"]);
        var claims = await deliveries.ClaimAsync("shop-a", "w1", 2, T0, Lease, CancellationToken.None);
        await deliveries.CompleteAsync("shop-a", "w1", [Result(claims[0], DeliveryStatus.Delivered), Result(claims[1], DeliveryStatus.Failed, error: "refused")], T0, CancellationToken.None);

        var counts = await monitoring.CountDeliveriesAsync("shop-a", CancellationToken.None);

        Assert.That(counts.Select(c => (c.Channel, c.Status, c.Count)), Is.EquivalentTo(new[] { ("shop-a", DeliveryStatus.Pending, 1L), ("shop-a", DeliveryStatus.Delivered, 1L), ("shop-a", DeliveryStatus.Failed, 1L) }));
        Assert.That((await monitoring.CountDeliveriesAsync("shop-b", CancellationToken.None)).Select(c => (c.Status, c.Count)), Is.EqualTo(new[] { (DeliveryStatus.Pending, 1L) }));
        Assert.That(await monitoring.CountDeliveriesAsync("no-such-channel", CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task SettledCounts_AreTallied_ByEveryStatementThatSettlesUnsettlesOrPurgesADelivery()
    {
        // Migration 0019: Delivered, Superseded and Discarded are read from delivery_tallies, kept by triggers. After
        // each kind of statement the tallies must equal a count of the rows themselves.
        string[] ids = ["m-1", "m-2", "m-3", "m-4", "m-5", "m-6"];
        foreach (var id in ids)
        {
            await AcceptAsync(id, ["shop-a", "shop-b"]);
        }

        await AssertTalliesMatchTheRowsAsync("accepted");
        var claims = await deliveries.ClaimAsync("shop-a", "w1", 6, T0, Lease, CancellationToken.None);
        await deliveries.CompleteAsync(
            "shop-a",
            "w1",
            [
                Result(claims[0], DeliveryStatus.Delivered), Result(claims[1], DeliveryStatus.Superseded), Result(claims[2], DeliveryStatus.Failed, error: "refused"),
                Result(claims[3], DeliveryStatus.Failed, error: "refused"), Result(claims[4], DeliveryStatus.Delivered) with { Items = [ItemOutcome.Failed("inv:GHOST@WH1", "GHOST unknown"), ItemOutcome.Failed("inv:OTHER@WH1", "OTHER unknown"), ItemOutcome.Skipped("inv:A@WH2", "not here")] },
                Result(claims[5], DeliveryStatus.RetryScheduled, T0.AddMinutes(1), "busy"),
            ],
            T0,
            CancellationToken.None);
        var other = await deliveries.ClaimAsync("shop-b", "w2", 6, T0, Lease, CancellationToken.None);
        await deliveries.CompleteAsync("shop-b", "w2", other.Select(c => Result(c, DeliveryStatus.Delivered)).ToList(), T0, CancellationToken.None);
        await AssertTalliesMatchTheRowsAsync("completed");
        Assert.That(await deliveries.DiscardAsync("m-5", "shop-a", "inv:GHOST@WH1", "by test", T0, CancellationToken.None), Is.EqualTo(1));
        await AssertTalliesMatchTheRowsAsync("a failed item discarded");
        Assert.That(await CountAsync("shop-a"), Is.EquivalentTo(new[] { (DeliveryStatus.Delivered, 2L), (DeliveryStatus.Superseded, 1L), (DeliveryStatus.Failed, 2L), (DeliveryStatus.RetryScheduled, 1L) }));

        Assert.That(await deliveries.DiscardAsync("m-3", "shop-a", null, "by test", T0, CancellationToken.None), Is.EqualTo(1));
        await AssertTalliesMatchTheRowsAsync("discarded");
        Assert.That(await deliveries.ResubmitAsync("m-4", "shop-a", T0, CancellationToken.None), Is.EqualTo(1));
        await AssertTalliesMatchTheRowsAsync("resubmitted");
        Assert.That(await deliveries.ResubmitItemsAsync("m-5", "shop-a", null, T0, CancellationToken.None), Is.EqualTo(1));
        await AssertTalliesMatchTheRowsAsync("items resubmitted: a Delivered delivery back to Pending");
        Assert.That(await CountAsync("shop-a"), Is.EquivalentTo(new[] { (DeliveryStatus.Delivered, 1L), (DeliveryStatus.Superseded, 1L), (DeliveryStatus.Discarded, 1L), (DeliveryStatus.Pending, 2L), (DeliveryStatus.RetryScheduled, 1L) }));

        var retention = new SqlRetentionStore(Database.Dialect, Database.Options, Messages);
        await retention.PurgeDeliveredMessagesAsync(ids, T0.AddDays(1), CancellationToken.None);
        Assert.That(await Messages.GetStatusAsync("m-3", CancellationToken.None), Is.Null, "m-1, m-2 and m-3 are settled on both channels and go");
        Assert.That(await Messages.GetStatusAsync("m-4", CancellationToken.None), Is.Not.Null, "the others wait on shop-a and stay");
        await AssertTalliesMatchTheRowsAsync("purged");
        Assert.That(await CountAsync("shop-a"), Is.EquivalentTo(new[] { (DeliveryStatus.Pending, 2L), (DeliveryStatus.RetryScheduled, 1L) }));
        Assert.That(await CountAsync("shop-b"), Is.EquivalentTo(new[] { (DeliveryStatus.Delivered, 3L) }));
    }

    [Test]
    public async Task ReadBacklog_CountsWaiting_FindsTheEarliestDue_AndCountsDeliveredSince()
    {
        await AcceptAsync("m-1", ["shop-a"]);
        await AcceptAsync("m-2", ["shop-a"]);
        await AcceptAsync("m-3", ["shop-a"]);
        await AcceptAsync("m-4", ["shop-a"]);
        var claims = await deliveries.ClaimAsync("shop-a", "w1", 3, T0, Lease, CancellationToken.None);
        await deliveries.CompleteAsync(
            "shop-a",
            "w1",
            [Result(claims[0], DeliveryStatus.Delivered), Result(claims[1], DeliveryStatus.RetryScheduled, T0.AddMinutes(5), "busy")],
            T0.AddMinutes(1),
            CancellationToken.None);

        var backlog = await monitoring.ReadBacklogAsync("shop-a", T0, CancellationToken.None);
        var later = await monitoring.ReadBacklogAsync("shop-a", T0.AddMinutes(2), CancellationToken.None);

        // m-2 retries, m-3 is still claimed (InProgress), m-4 waits Pending since it was accepted.
        Assert.That(backlog.Waiting, Is.EqualTo(3));
        Assert.That(backlog.EarliestDue, Is.EqualTo(T0.AddMinutes(-1)), "m-4, due since its acceptance");
        Assert.That(backlog.DeliveredSince, Is.EqualTo(1));
        Assert.That(later.DeliveredSince, Is.Zero, "delivered at T0+1min, before T0+2min");
        Assert.That(await monitoring.ReadBacklogAsync("shop-b", T0, CancellationToken.None), Is.EqualTo(new ChannelBacklog(0, null, 0)));
    }

    [Test]
    public async Task LastPoll_IsTheCursorsPollTime_OrNullBeforeTheFirstPoll()
    {
        var orders = new SqlOrderStore(Database.Dialect, Database.Options, Messages);
        await orders.SaveCursorAsync("shop-a", T0.AddHours(-1), T0, CancellationToken.None);

        Assert.That(await monitoring.LastPollAsync("shop-a", CancellationToken.None), Is.EqualTo(T0));
        Assert.That(await monitoring.LastPollAsync("shop-b", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task EveryMonitoringStatement_SearchesAnIndex_AndScansNoTable()
    {
        if (Target.Name != "Sqlite")
        {
            Assert.Ignore("EXPLAIN QUERY PLAN is SQLite's; the indexes are the same on every dialect (migration 0016).");
        }

        var dialect = Database.Dialect;
        await using var connection = await dialect.OpenAsync(Database.Options.ConnectionString, writer: false, CancellationToken.None);
        var statements = new[] { dialect.CountChannelDeliveries, dialect.CountChannelItems, dialect.SelectChannelBacklog, dialect.SelectLastPoll, dialect.CountOrders };
        foreach (var sql in statements)
        {
            var plan = (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + sql, new { Channel = "shop-a", Since = dialect.Time(T0) })).Select(r => r.Detail).ToList();

            Assert.That(plan, Has.None.Match("^SCAN (?!CONSTANT ROW)"), $"{sql}\n{string.Join("\n", plan)}");
            Assert.That(plan.Where(p => p.StartsWith("SEARCH ", StringComparison.Ordinal)), Is.Not.Empty.And.All.Match("USING (COVERING )?INDEX|USING PRIMARY KEY"), $"{sql}\n{string.Join("\n", plan)}");
        }

        var backlog = string.Join("\n", (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + dialect.SelectChannelBacklog, new { Channel = "shop-a", Since = dialect.Time(T0) })).Select(r => r.Detail));
        Assert.That(backlog, Does.Contain("USING INDEX ix_deliveries_delivered").Or.Contain("USING COVERING INDEX ix_deliveries_delivered"), "delivered in the last hour: migration 0016's partial index");
    }

    private async Task<IReadOnlyList<(DeliveryStatus Status, long Count)>> CountAsync(string channel) =>
        (await monitoring.CountDeliveriesAsync(channel, CancellationToken.None)).Select(c => (c.Status, c.Count)).ToList();

    private async Task AssertTalliesMatchTheRowsAsync(string after)
    {
        var truth = (await deliveries.CountAsync(CancellationToken.None)).Select(c => (c.Channel, c.Status, c.Count)).ToList();
        var read = new List<(string, DeliveryStatus, long)>();
        foreach (var channel in new[] { "shop-a", "shop-b" })
        {
            read.AddRange((await monitoring.CountDeliveriesAsync(channel, CancellationToken.None)).Select(c => (c.Channel, c.Status, c.Count)));
        }

        Assert.That(read, Is.EquivalentTo(truth), after);
        var itemTruth = (await deliveries.CountItemsAsync(CancellationToken.None)).Select(c => (c.Channel, c.State, c.Count)).ToList();
        var itemsRead = (await monitoring.CountItemsAsync("shop-a", CancellationToken.None)).Concat(await monitoring.CountItemsAsync("shop-b", CancellationToken.None));
        Assert.That(itemsRead.Select(c => (c.Channel, c.State, c.Count)), Is.EquivalentTo(itemTruth), after + ": items");
    }

    private async Task AcceptAsync(string id, string[] channels)
    {
        var payload = $"<m id=\"{id}\"/>";
        var message = new IncomingMessage(id, MessageType.Inventory, null, "SAP-ECC", T0.AddMinutes(-5), payload, ContentHash.Of(payload), []);
        var result = await Messages.AcceptAsync(new AcceptRequest(message, channels, T0.AddMinutes(-1), "corr-" + id, "sap-pi"), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
    }

    private static DeliveryResult Result(ClaimedDelivery claim, DeliveryStatus status, DateTimeOffset? next = null, string? error = null) =>
        new(claim.DeliveryId, claim.MessageId, status, claim.Attempts + 1, next, error, $"detail {status}", claim.Version, []);

    private sealed class PlanRow
    {
        public string Detail { get; set; } = "";
    }
}
