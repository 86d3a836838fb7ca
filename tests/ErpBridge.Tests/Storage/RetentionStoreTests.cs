using ErpBridge.Core.Audits;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Core.Retention;
using ErpBridge.Core.Status;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// The retention purge (migration 0013) on every dialect available: what is old and finished goes with its rows, and
/// nothing undelivered, no dead letter, no unacknowledged order and no run a reconciliation still needs.
/// </summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class RetentionStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Old = Now.AddDays(-40);
    private static readonly DateTimeOffset Before = Now.AddDays(-30);
    private SqlRetentionStore store = null!;
    private RetentionData data = null!;

    [SetUp]
    public void CreateStore()
    {
        store = new SqlRetentionStore(Database.Dialect, Database.Options, Messages);
        data = new RetentionData(Database, Messages);
    }

    [Test]
    public async Task DeliveredMessages_OldDeliveredGoWithTheirRows_EverythingUnfinishedStays()
    {
        await data.AcceptAsync("delivered", Old, "a");
        await data.AcceptAsync("superseded", Old, "s");
        await data.AcceptAsync("pending", Old, "b");
        await data.AcceptAsync("retrying", Old, "c");
        await data.AcceptAsync("dead", Old, "d");
        await data.AcceptAsync("dead-item", Old, "e");
        await data.AcceptAsync("half", Old, "a2", "h");
        await data.AcceptAsync("resent-lately", Old, "f");
        await data.AcceptAsync("young", Now.AddDays(-1), "g");
        await data.AcceptAsync("newest-state", Old, "i");
        await data.AcceptAsync("in-progress", Old, "j");
        await data.SettleAsync("a", DeliveryStatus.Delivered, Old, items: [ItemOutcome.Skipped("inv:X@W9", "location not taken")]);
        await data.SettleAsync("s", DeliveryStatus.Superseded, Old);
        await data.SettleAsync("c", DeliveryStatus.RetryScheduled, Old);
        await data.SettleAsync("d", DeliveryStatus.Failed, Old);
        await data.SettleAsync("e", DeliveryStatus.Delivered, Old, items: [ItemOutcome.Failed("inv:Y@W1", "unknown SKU Y")]);
        await data.SettleAsync("a2", DeliveryStatus.Delivered, Old);
        await data.SettleAsync("f", DeliveryStatus.Delivered, Now.AddDays(-1));
        await data.SettleAsync("g", DeliveryStatus.Delivered, Now.AddDays(-1));
        await data.SettleAsync("i", DeliveryStatus.Delivered, Old, keys: ["inv:A@W1"]);
        await new SqlDeliveryStore(Database.Dialect, Database.Options, Messages).ClaimAsync("j", "w1", 10, Old, TimeSpan.FromMinutes(1), default);
        var rowsOfDelivered = await data.RowsOfAsync("delivered");

        var found = await store.FindDeliveredMessagesAsync(Before, MessageKey.Start, 100, default);
        var deleted = await store.PurgeDeliveredMessagesAsync(found.Select(f => f.MessageId).ToList(), Before, default);

        Assert.That(found.Select(f => f.MessageId), Is.EquivalentTo(new[] { "delivered", "superseded" }));
        Assert.That(rowsOfDelivered, Is.EqualTo(4), "the message, its delivery, its audit row and its skipped item");
        Assert.That(deleted, Is.EqualTo(rowsOfDelivered + 3), "and the superseded message with its delivery and audit row");
        Assert.That(await data.RowsOfAsync("delivered"), Is.Zero);
        Assert.That(await data.RowsOfAsync("superseded"), Is.Zero);
        foreach (var kept in new[] { "pending", "retrying", "dead", "dead-item", "half", "resent-lately", "young", "newest-state", "in-progress" })
        {
            Assert.That(await data.ExistsAsync(kept), Is.True, kept);
        }

        Assert.That((await Messages.GetStatusAsync("dead", default))!.Deliveries.Single().Status, Is.EqualTo(DeliveryStatus.Failed), "the dead letter keeps its delivery");
    }

    [Test]
    public async Task DeliveredMessages_PurgeOfIdsThatAreNotDeliveredMessages_ChecksAgainAndKeepsThem()
    {
        await data.AcceptAsync("dead", Old, "d");
        await data.SettleAsync("d", DeliveryStatus.Failed, Old);
        await data.AcceptAsync("delivered", Old, "a");
        await data.SettleAsync("a", DeliveryStatus.Delivered, Old);
        var found = await store.FindDeliveredMessagesAsync(Before, MessageKey.Start, 100, default);

        // The delete does not trust its caller: a dead letter and an unknown id among the ids found are left alone.
        var deleted = await store.PurgeDeliveredMessagesAsync([.. found.Select(f => f.MessageId), "dead", "no-such-message"], Before, default);

        Assert.That(found.Select(f => f.MessageId), Is.EqualTo(new[] { "delivered" }));
        Assert.That(deleted, Is.EqualTo(3));
        Assert.That(await data.ExistsAsync("dead"), Is.True);
    }

    [Test]
    public async Task DeliveredMessages_FoundInReceivedOrder_PageByPage()
    {
        for (var i = 0; i < 5; i++)
        {
            await data.AcceptAsync($"m{i}", Old.AddMinutes(i), "a");
        }

        await data.SettleAsync("a", DeliveryStatus.Delivered, Old.AddHours(1));

        var first = await store.FindDeliveredMessagesAsync(Before, MessageKey.Start, 2, default);
        var second = await store.FindDeliveredMessagesAsync(Before, first[^1], 2, default);
        var last = await store.FindDeliveredMessagesAsync(Before, second[^1], 2, default);

        Assert.That(first.Concat(second).Concat(last).Select(m => m.MessageId), Is.EqualTo(new[] { "m0", "m1", "m2", "m3", "m4" }));
        Assert.That(first[0].ReceivedAt, Is.EqualTo(Old));
    }

    [Test]
    public async Task AcknowledgedOrders_OldAcknowledgedGo_UnacknowledgedAndChangedStay()
    {
        var orders = new SqlOrderStore(Database.Dialect, Database.Options, Messages);
        await orders.UpsertAsync([Order("1", "a"), Order("2", "a"), Order("3", "a"), Order("4", "a")], OrderHandover.Pull, Old, default);
        await orders.FetchAsync(10, null, Old, TimeSpan.FromMinutes(5), default);
        await orders.AcknowledgeAsync([new("shop:1", null, "ERP-1"), new("shop:3", null, "ERP-3")], Old, default);
        await orders.AcknowledgeAsync([new("shop:4", null, "ERP-4")], Now.AddDays(-1), default);
        await orders.UpsertAsync([Order("3", "changed", Now.AddDays(-2))], OrderHandover.Pull, Now.AddDays(-2), default);

        Assert.That((await orders.ChannelsOfOrderNumbersAsync(["#1"], default))["#1"], Is.EqualTo(new[] { "shop" }));

        var deleted = await store.PurgeAcknowledgedOrdersAsync(Before, 10, default);

        Assert.That(deleted, Is.EqualTo(1));
        Assert.That(await orders.ChannelsOfOrderNumbersAsync(["#1", "#2"], default), Does.Not.ContainKey("#1").And.ContainKey("#2"), "a purged order's number is no longer known, also where it was looked up before");
        var left = await orders.ListAsync("shop", null, 10, default);
        Assert.That(left.Select(o => (o.OrderId, o.State)), Is.EquivalentTo(new[]
        {
            ("shop:2", OrderState.Fetched),
            ("shop:3", OrderState.Pending),
            ("shop:4", OrderState.Acknowledged),
        }));
    }

    [Test]
    public async Task IdocAudits_SentAndNotIdocGo_PendingAndFailedStay()
    {
        var audits = new SqlIdocAuditStore(Database.Dialect, Database.Options, Messages);
        foreach (var id in new[] { "sent", "pending", "failed", "sent-lately" })
        {
            await audits.EnqueueAsync(new IdocAuditEntry(id, "PRD", "erp", "AUD-" + id, "53", "<ALEAUD01/>", IdocAuditState.Pending), id == "sent-lately" ? Now.AddDays(-1) : Old, default);
        }

        await audits.EnqueueAsync(new IdocAuditEntry("not-idoc", "PRD", null, null, null, null, IdocAuditState.NotIdoc), Old, default);
        var claimed = await audits.ClaimDueAsync(10, Now, TimeSpan.FromMinutes(1), default);
        await audits.CompleteAsync(new IdocAuditCompletion("sent", IdocAuditState.Sent, "1", null, null), Now.AddDays(-35), default);
        await audits.CompleteAsync(new IdocAuditCompletion("failed", IdocAuditState.Failed, null, "refused", null), Old, default);
        await audits.CompleteAsync(new IdocAuditCompletion("sent-lately", IdocAuditState.Sent, "2", null, null), Now, default);
        await audits.CompleteAsync(new IdocAuditCompletion("pending", IdocAuditState.Pending, null, "HTTP 503", Now.AddMinutes(5)), Now, default);

        var first = await store.PurgeSentIdocAuditsAsync(Before, 1, default);
        var rest = await store.PurgeSentIdocAuditsAsync(Before, 10, default);

        Assert.That(claimed, Has.Count.EqualTo(4));
        Assert.That((first, rest), Is.EqualTo((1, 1)), "one batch of one, then the other");
        Assert.That(await audits.FindAsync("sent", default), Is.Null);
        Assert.That(await audits.FindAsync("not-idoc", default), Is.Null);
        foreach (var kept in new[] { "pending", "failed", "sent-lately" })
        {
            Assert.That(await audits.FindAsync(kept, default), Is.Not.Null, kept);
        }
    }

    [Test]
    public async Task ReconciliationRuns_OldRunsGoInBatches_TheLatestFinishedAndRunningOnesStay()
    {
        var runs = new SqlReconciliationStore(Database.Dialect, Database.Options, Messages);
        var oldest = await RunAsync(runs, "x", Old, ReconciliationStatus.Completed);
        var latest = await RunAsync(runs, "x", Old.AddDays(1), ReconciliationStatus.Failed);
        var running = await RunAsync(runs, "x", Old.AddDays(2), ReconciliationStatus.Running);
        var only = await RunAsync(runs, "y", Old, ReconciliationStatus.Completed);

        var found = await store.FindOldReconciliationRunsAsync(Before, default);
        var batches = new List<int>();
        int deleted;
        do
        {
            deleted = await store.PurgeReconciliationRunAsync(oldest, Before, 4, default);
            batches.Add(deleted);
        }
        while (deleted == 4);

        Assert.That(found, Is.EqualTo(new[] { oldest }));
        Assert.That(batches, Is.EqualTo(new[] { 4, 4, 2 }), "6 levels, 3 findings and the run, at most 4 rows a time");
        Assert.That(await runs.GetAsync(oldest, default), Is.Null);
        Assert.That(await data.CountAsync("SELECT COUNT(*) FROM reconciliation_levels WHERE run_id = @Id", oldest), Is.Zero);
        foreach (var kept in new[] { latest, running, only })
        {
            Assert.That(await runs.GetAsync(kept, default), Is.Not.Null, $"run {kept}");
            Assert.That(await data.CountAsync("SELECT COUNT(*) FROM reconciliation_levels WHERE run_id = @Id", kept), Is.EqualTo(6), $"levels of run {kept}");
        }

        Assert.That(await store.PurgeReconciliationRunAsync(latest, Before, 4, default), Is.Zero, "the latest finished run of x is never purged, even when asked");
    }

    /// <summary>A run with three store and three ERP levels and their three findings, finished (or still running).</summary>
    private static async Task<long> RunAsync(SqlReconciliationStore runs, string channel, DateTimeOffset at, ReconciliationStatus status)
    {
        var (run, started) = await runs.StartAsync(channel, "test", false, at, default);
        Assert.That(started, Is.True);
        ReconciledLevel[] levels = [new("A", "W1", 1), new("B", "W1", 2), new("C", "W1", 3)];
        await runs.SaveStorePageAsync(run.RunId, levels, null, true, default);
        await runs.SaveErpLevelsAsync(run.RunId, levels, default);
        await runs.CompareAsync(run.RunId, default);
        if (status != ReconciliationStatus.Running)
        {
            await runs.FinishAsync(run.RunId, status, null, at.AddHours(1), default);
        }

        return run.RunId;
    }

    private static OrderRevision Order(string id, string content, DateTimeOffset? updatedAt = null) =>
        new("shop", id, "#" + id, updatedAt ?? Old, false, $"<Order><Content>{content}</Content></Order>", content);
}
