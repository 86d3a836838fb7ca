using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Core.Status;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// The reconciliation store's contract on every dialect: a run read page by page, the ERP's view and what is in
/// flight compared into findings, read back by class and in key order, healed and finished.
/// </summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class ReconciliationStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 2, 0, 0, 123, TimeSpan.Zero);
    private SqlReconciliationStore store = null!;

    [SetUp]
    public void CreateStore() => store = new SqlReconciliationStore(Database.Dialect, Database.Options, Messages);

    [Test]
    public async Task Run_ReadComparedHealedFinished_FindingsByClassInKeyOrder()
    {
        var (run, started) = await store.StartAsync("shop-a", "schedule", heal: true, T0, CancellationToken.None);
        var (again, startedAgain) = await store.StartAsync("shop-a", "operator", heal: false, T0.AddSeconds(1), CancellationToken.None);
        Assert.That((started, startedAgain, again.RunId), Is.EqualTo((true, false, run.RunId)), "one running run per channel");
        Assert.That((run.Status, run.Phase, run.Trigger, run.Heal, run.StartedAt), Is.EqualTo((ReconciliationStatus.Running, ReconciliationPhase.ReadingStore, "schedule", true, T0)));

        // The store: A and B as the ERP knows them, F and a-1 the ERP never reported. Keys sort by code point: "B" before "a".
        await store.SaveStorePageAsync(run.RunId, [Level("A", 10), Level("B", 5), Level("a-1", 7)], "page-2", last: false, CancellationToken.None);
        var reading = await store.GetAsync(run.RunId, CancellationToken.None);
        Assert.That((reading!.Pages, reading.LevelsRead, reading.PageToken, reading.Phase), Is.EqualTo((1, 3L, "page-2", ReconciliationPhase.ReadingStore)));
        await store.SaveStorePageAsync(run.RunId, [Level("F", 3)], null, last: true, CancellationToken.None);

        // The ERP's view, B saved twice (the newer level wins), M missing on the store; G in flight on its way to the store.
        await store.SaveErpLevelsAsync(run.RunId, [Level("A", 10), Level("B", 8), Level("M", 4)], CancellationToken.None);
        await store.SaveErpLevelsAsync(run.RunId, [Level("B", 6)], CancellationToken.None);
        await store.SaveInFlightAsync(run.RunId, [Level("G", 2, "message G-1 Pending")], CancellationToken.None);
        await store.CompareAsync(run.RunId, CancellationToken.None);
        OrderFinding[] orders = [new("o:1", "1001", ReconciliationClass.OrderNotStored, "not polled")];
        await store.SaveOrderFindingsAsync(run.RunId, orders, CancellationToken.None);
        await store.SaveOrderFindingsAsync(run.RunId, orders, CancellationToken.None);

        var counts = await store.CountsAsync(run.RunId, CancellationToken.None);
        Assert.That(counts, Is.EqualTo(new ClassCount[]
        {
            new(ReconciliationClass.Match, 1),
            new(ReconciliationClass.Drift, 1),
            new(ReconciliationClass.MissingOnStore, 1),
            new(ReconciliationClass.UnknownToErp, 2),
            new(ReconciliationClass.InFlight, 1),
            new(ReconciliationClass.OrderNotStored, 1),
        }));
        var first = await store.ItemsAsync(run.RunId, null, null, 3, CancellationToken.None);
        var rest = await store.ItemsAsync(run.RunId, null, first[^1].ItemKey, 10, CancellationToken.None);
        Assert.That(first.Concat(rest).Select(i => i.ItemKey), Is.EqualTo(new[] { "inv:A@WH1", "inv:B@WH1", "inv:F@WH1", "inv:G@WH1", "inv:M@WH1", "inv:a-1@WH1", "o:1" }));
        var drift = await store.ItemsAsync(run.RunId, ReconciliationClass.Drift, null, 10, CancellationToken.None);
        Assert.That(drift, Is.EqualTo(new[] { new ReconciliationItem("inv:B@WH1", ReconciliationClass.Drift, "B", "WH1", 6, 5, null, null) }));
        var inFlight = await store.ItemsAsync(run.RunId, ReconciliationClass.InFlight, null, 10, CancellationToken.None);
        Assert.That(inFlight.Select(i => (i.ItemKey, i.ErpQuantity, i.StoreQuantity, i.Detail)), Is.EqualTo(new[] { ("inv:G@WH1", (long?)2, (long?)null, "message G-1 Pending") }));
        var order = await store.ItemsAsync(run.RunId, ReconciliationClass.OrderNotStored, null, 10, CancellationToken.None);
        Assert.That(order.Select(i => i.Detail), Is.EqualTo(new[] { "order 1001: not polled" }));

        Assert.That((await store.UnhealedDriftAsync(run.RunId, 10, CancellationToken.None)).Select(i => i.ItemKey), Is.EqualTo(new[] { "inv:B@WH1" }));
        await store.SetPhaseAsync(run.RunId, ReconciliationPhase.Healing, CancellationToken.None);
        await store.MarkHealedAsync(run.RunId, ["inv:B@WH1"], "heal-1", CancellationToken.None);
        Assert.That(await store.UnhealedDriftAsync(run.RunId, 10, CancellationToken.None), Is.Empty);
        Assert.That(await store.HealedCountAsync(run.RunId, CancellationToken.None), Is.EqualTo(1));
        Assert.That((await store.GetAsync(run.RunId, CancellationToken.None))!.Phase, Is.EqualTo(ReconciliationPhase.Healing));

        await store.FinishAsync(run.RunId, ReconciliationStatus.Completed, null, T0.AddMinutes(3), CancellationToken.None);
        var finished = await store.LatestAsync("shop-a", CancellationToken.None);
        Assert.That((finished!.RunId, finished.Status, finished.Phase, finished.FinishedAt, finished.Pages, finished.LevelsRead),
            Is.EqualTo((run.RunId, ReconciliationStatus.Completed, ReconciliationPhase.Done, (DateTimeOffset?)T0.AddMinutes(3), 2, 4L)));
        Assert.That(await store.RunningAsync(CancellationToken.None), Is.Empty);
        Assert.That((await store.LatestAsync(null, CancellationToken.None))!.RunId, Is.EqualTo(run.RunId));
        Assert.That(await store.LatestAsync("shop-b", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task StockOfTheChannel_DeliveredVersionsUndeliveredMessagesAndPayloads()
    {
        await AcceptAsync("s-1", T0.AddMinutes(-2));
        await AcceptAsync("s-2", T0.AddMinutes(-1));
        var deliveries = new SqlDeliveryStore(Database.Dialect, Database.Options, Messages);
        var claims = await deliveries.ClaimAsync("shop-a", "w1", 1, T0, TimeSpan.FromMinutes(1), CancellationToken.None);
        var claim = claims.Single();
        var delivered = new DeliveryResult(claim.DeliveryId, claim.MessageId, DeliveryStatus.Delivered, 1, null, null, "delivered", claim.Version, ["inv:A@WH1", "inv:B@WH1"]);
        await deliveries.CompleteAsync("shop-a", "w1", [delivered], T0, CancellationToken.None);

        var versions = new List<(string, string)>();
        await foreach (var version in store.DeliveredStockVersionsAsync("shop-a", CancellationToken.None))
        {
            versions.Add(version);
        }

        var undelivered = new List<UndeliveredStock>();
        await foreach (var stock in store.UndeliveredStockAsync("shop-a", CancellationToken.None))
        {
            undelivered.Add(stock);
        }

        Assert.That(versions, Is.EqualTo(new[] { ("s-1", "inv:A@WH1"), ("s-1", "inv:B@WH1") }));
        Assert.That(undelivered, Is.EqualTo(new[] { new UndeliveredStock("s-2", "Pending", T0.AddMinutes(-1)) }));
        Assert.That(await store.PayloadAsync("s-2", CancellationToken.None), Is.EqualTo(("<m id=\"s-2\"/>", (string?)null)));
    }

    private static ReconciledLevel Level(string sku, long quantity, string? detail = null) => new(sku, "WH1", quantity, Detail: detail);

    private async Task AcceptAsync(string id, DateTimeOffset sentAt)
    {
        var payload = $"<m id=\"{id}\"/>";
        var message = new IncomingMessage(id, MessageType.Inventory, null, "SAP-ECC", sentAt, payload, ContentHash.Of(payload), []);
        var result = await Messages.AcceptAsync(new AcceptRequest(message, ["shop-a"], T0.AddMinutes(-1), "corr-" + id, "sap-pi"), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
    }
}
