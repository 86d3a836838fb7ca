using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>Failures per item in the store (migration 0007): recorded with a settled delivery, dead letters of their own, resubmitted alone.</summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class DeliveryItemStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private SqlDeliveryStore store = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        store = new SqlDeliveryStore(Database.Dialect, Database.Options, Messages);
        var payload = "<m id=\"m-1\"/>";
        var message = new IncomingMessage("m-1", MessageType.Inventory, null, "SAP-ECC", T0.AddMinutes(-5), payload, ContentHash.Of(payload), []);
        await Messages.AcceptAsync(new AcceptRequest(message, ["shop-a", "shop-b"], T0.AddMinutes(-1), "corr-m-1", "sap-pi"), CancellationToken.None);
    }

    [Test]
    public async Task DeliveredWithItems_ShowsThemInStatus_ListsTheFailedOnesAsDeadLetters_AndCountsThem()
    {
        await DeliverAsync("shop-a", Skipped("inv:A@WH2"), Failed("inv:GHOST@WH1"));
        await DeliverAsync("shop-b");

        var status = (await Messages.GetStatusAsync("m-1", CancellationToken.None))!;
        var shopA = status.Deliveries.Single(d => d.Channel == "shop-a");
        Assert.That(shopA.Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(shopA.Items!.Select(i => (i.Item, i.State, i.Reason, i.At)), Is.EqualTo(new[]
        {
            ("inv:A@WH2", ItemState.Skipped, "not for shop-a", T0),
            ("inv:GHOST@WH1", ItemState.Failed, "GHOST unknown", T0),
        }));
        Assert.That(status.Deliveries.Single(d => d.Channel == "shop-b").Items, Is.Empty);
        var dead = await store.ListDeadLettersAsync(null, 10, CancellationToken.None);
        Assert.That(dead.Select(d => (d.MessageId, d.Channel, d.Item, d.LastError)), Is.EqualTo(new[] { ("m-1", "shop-a", (string?)"inv:GHOST@WH1", (string?)"GHOST unknown") }));
        Assert.That(await store.CountItemsAsync(CancellationToken.None), Is.EquivalentTo(new[] { new ItemCount("shop-a", "Failed", 1), new ItemCount("shop-a", "Skipped", 1) }));
    }

    [Test]
    public async Task ResubmitItems_PutsTheDeliveryBackForThoseItemsOnly_AndTheNextOutcomeReplacesThem()
    {
        await DeliverAsync("shop-a", Skipped("inv:A@WH2"), Failed("inv:GHOST@WH1"), Failed("inv:OTHER@WH1"));

        var count = await store.ResubmitItemsAsync("m-1", null, "inv:GHOST@WH1", T0.AddMinutes(1), CancellationToken.None);

        Assert.That(count, Is.EqualTo(1));
        var resent = await store.GetResentItemsAsync("shop-a", CancellationToken.None);
        Assert.That(resent.Single().Value, Is.EquivalentTo(new[] { "inv:GHOST@WH1" }));
        Assert.That((await Messages.GetStatusAsync("m-1", CancellationToken.None))!.Deliveries.Single(d => d.Channel == "shop-a").Status, Is.EqualTo(DeliveryStatus.Pending));
        Assert.That((await store.ListDeadLettersAsync("shop-a", 10, CancellationToken.None)).Select(d => d.Item), Is.EqualTo(new[] { "inv:OTHER@WH1" }), "the item not resubmitted is still a dead letter");

        await DeliverAsync("shop-a", T0.AddMinutes(2));

        Assert.That(await store.GetResentItemsAsync("shop-a", CancellationToken.None), Is.Empty);
        var items = (await Messages.GetStatusAsync("m-1", CancellationToken.None))!.Deliveries.Single(d => d.Channel == "shop-a").Items!;
        Assert.That(items.Select(i => (i.Item, i.State)), Is.EqualTo(new[] { ("inv:A@WH2", ItemState.Skipped), ("inv:OTHER@WH1", ItemState.Failed) }), "the resent item went; the others stay as they were");
        var history = await store.GetHistoryAsync("m-1", CancellationToken.None);
        Assert.That(history.Where(h => h.Channel == "shop-a").Select(h => h.Detail), Does.Contain("failed items resubmitted by an operator"));
    }

    [Test]
    public async Task ResubmitItems_OfAFailedDelivery_MatchesNothing_AWholeResubmitSendsEverythingAgain()
    {
        await DeliverAsync("shop-a", DeliveryStatus.Failed, T0, Failed("inv:GHOST@WH1"));

        Assert.That(await store.ResubmitItemsAsync("m-1", "shop-a", null, T0, CancellationToken.None), Is.Zero, "a delivery that failed whole is resubmitted whole");
        Assert.That((await store.ListDeadLettersAsync(null, 10, CancellationToken.None)).Select(d => d.Item), Is.EqualTo(new string?[] { null }));
        Assert.That(await store.ResubmitAsync("m-1", "shop-a", T0, CancellationToken.None), Is.EqualTo(1));
        Assert.That((await Messages.GetStatusAsync("m-1", CancellationToken.None))!.Deliveries.Single(d => d.Channel == "shop-a").Items, Is.Empty);
    }

    private Task DeliverAsync(string channel, params ItemOutcome[] items) => DeliverAsync(channel, DeliveryStatus.Delivered, T0, items);

    private Task DeliverAsync(string channel, DateTimeOffset at, params ItemOutcome[] items) => DeliverAsync(channel, DeliveryStatus.Delivered, at, items);

    private async Task DeliverAsync(string channel, DeliveryStatus status, DateTimeOffset at, params ItemOutcome[] items)
    {
        var claim = (await store.ClaimAsync(channel, "w1", 10, at, Lease, CancellationToken.None)).Single();
        var result = new DeliveryResult(claim.DeliveryId, claim.MessageId, status, claim.Attempts + 1, null, status == DeliveryStatus.Failed ? "every item failed" : null, $"detail {status}", claim.Version, [], items);
        Assert.That(await store.CompleteAsync(channel, "w1", [result], at, CancellationToken.None), Is.EqualTo(1));
    }

    private static ItemOutcome Skipped(string key) => ItemOutcome.Skipped(key, "not for shop-a");

    private static ItemOutcome Failed(string key) => ItemOutcome.Failed(key, $"{key[4..key.IndexOf('@', StringComparison.Ordinal)]} unknown");
}
