using ErpBridge.Core.Orders;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>Order revisions, fetch with visibility timeout, acknowledgements, pushes and cursors, on every dialect available.</summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class OrderStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Visibility = TimeSpan.FromMinutes(5);
    private SqlOrderStore store = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        store = new SqlOrderStore(Database.Dialect, Database.Options, Messages);
    }

    [Test]
    public async Task Upsert_NewChangedAndSameContent_AreToldApart()
    {
        var first = await store.UpsertAsync([Order("shop", "1", "h1", T0), Order("shop", "2", "h1", T0)], OrderHandover.Pull, T0, default);
        var again = await store.UpsertAsync([Order("shop", "1", "h1", T0.AddSeconds(5)), Order("shop", "2", "h2", T0.AddSeconds(5))], OrderHandover.Pull, T0.AddSeconds(10), default);

        Assert.That(first, Is.EqualTo(new OrderUpsertSummary(2, 0, 0)));
        Assert.That(again, Is.EqualTo(new OrderUpsertSummary(0, 1, 1)));
        var orders = await store.ListAsync("shop", null, 10, default);
        Assert.That(orders.Single(o => o.OrderId == "shop:2").Revision, Is.EqualTo(2));
        Assert.That(orders.Single(o => o.OrderId == "shop:1").Revision, Is.EqualTo(1));
    }

    [Test]
    public async Task Upsert_AnOlderStateThanStored_ChangesNothing()
    {
        await store.UpsertAsync([Order("shop", "1", "new", T0.AddMinutes(5))], OrderHandover.Pull, T0, default);

        var stale = await store.UpsertAsync([Order("shop", "1", "old", T0)], OrderHandover.Pull, T0.AddMinutes(6), default);

        Assert.That(stale, Is.EqualTo(new OrderUpsertSummary(0, 0, 1)));
        var fetched = await store.FetchAsync(10, null, T0.AddMinutes(7), Visibility, default);
        Assert.That(fetched.Single().CanonicalXml, Does.Contain("new"));
    }

    [Test]
    public async Task Fetch_OldestFirst_HidesUntilTheVisibilityTimeout_ThenOffersAgain()
    {
        await store.UpsertAsync([Order("shop", "1", "a", T0)], OrderHandover.Pull, T0, default);
        await store.UpsertAsync([Order("shop", "2", "a", T0)], OrderHandover.Pull, T0.AddSeconds(1), default);
        await store.UpsertAsync([Order("other", "9", "a", T0)], OrderHandover.Pull, T0.AddSeconds(2), default);

        var first = await store.FetchAsync(2, null, T0.AddMinutes(1), Visibility, default);
        var hidden = await store.FetchAsync(10, null, T0.AddMinutes(2), Visibility, default);
        var afterTimeout = await store.FetchAsync(10, null, T0.AddMinutes(7), Visibility, default);

        Assert.That(first.Select(o => o.OrderId), Is.EqualTo(new[] { "shop:1", "shop:2" }));
        Assert.That(first.All(o => o.ChangeType == OrderChangeType.New && o.Revision == 1), Is.True);
        Assert.That(hidden.Select(o => o.OrderId), Is.EqualTo(new[] { "other:9" }));
        Assert.That(afterTimeout.Select(o => o.OrderId), Is.EqualTo(new[] { "shop:1", "shop:2", "other:9" }));
    }

    [Test]
    public async Task Fetch_ByChannel_TakesOnlyThatChannel()
    {
        await store.UpsertAsync([Order("shop", "1", "a", T0), Order("other", "1", "a", T0)], OrderHandover.Pull, T0, default);

        var fetched = await store.FetchAsync(10, "other", T0, Visibility, default);

        Assert.That(fetched.Select(o => o.OrderId), Is.EqualTo(new[] { "other:1" }));
    }

    [Test]
    public async Task Acknowledge_Twice_IsHarmless_AndUnknownIdsAreReported()
    {
        await store.UpsertAsync([Order("shop", "1", "a", T0)], OrderHandover.Pull, T0, default);
        await store.FetchAsync(10, null, T0, Visibility, default);

        var first = await store.AcknowledgeAsync([new("shop:1", null, "4500000001"), new("shop:404", null, "X")], T0.AddSeconds(1), default);
        var second = await store.AcknowledgeAsync([new("shop:1", null, "4500000002")], T0.AddSeconds(2), default);
        var later = await store.FetchAsync(10, null, T0.AddHours(1), Visibility, default);

        Assert.That(first.Select(r => r.Status), Is.EqualTo(new[] { AcknowledgeStatus.Acknowledged, AcknowledgeStatus.Unknown }));
        Assert.That(second.Single().Status, Is.EqualTo(AcknowledgeStatus.AlreadyAcknowledged));
        Assert.That(second.Single().ErpDocumentNumber, Is.EqualTo("4500000001"), "the first acknowledgement's document number stays");
        Assert.That(later, Is.Empty, "an acknowledged order is not offered again");
    }

    [Test]
    public async Task ChangeWhileFetched_StaysWithTheErp_ThenComesBackAsAnUpdate()
    {
        await store.UpsertAsync([Order("shop", "1", "a", T0)], OrderHandover.Pull, T0, default);
        await store.FetchAsync(10, null, T0, Visibility, default);
        await store.UpsertAsync([Order("shop", "1", "b", T0.AddMinutes(1))], OrderHandover.Pull, T0.AddMinutes(1), default);

        var whileFetched = await store.FetchAsync(10, null, T0.AddMinutes(2), Visibility, default);
        var ack = await store.AcknowledgeAsync([new("shop:1", null, "4500000001")], T0.AddMinutes(3), default);
        var update = await store.FetchAsync(10, null, T0.AddMinutes(3), Visibility, default);

        Assert.That(whileFetched, Is.Empty);
        Assert.That(ack.Single().Status, Is.EqualTo(AcknowledgeStatus.Superseded));
        Assert.That(ack.Single().CurrentRevision, Is.EqualTo(2));
        Assert.That(update.Single().Revision, Is.EqualTo(2));
        Assert.That(update.Single().ChangeType, Is.EqualTo(OrderChangeType.Update));
        Assert.That(update.Single().CanonicalXml, Does.Contain(">b<"));
    }

    [Test]
    public async Task CancellationAfterHandOver_IsMarkedAsSuch()
    {
        await store.UpsertAsync([Order("shop", "1", "a", T0)], OrderHandover.Pull, T0, default);
        await store.FetchAsync(10, null, T0, Visibility, default);
        await store.AcknowledgeAsync([new("shop:1", 1, "4500000001")], T0, default);

        await store.UpsertAsync([Order("shop", "1", "cancelled", T0.AddMinutes(1), cancelled: true)], OrderHandover.Pull, T0.AddMinutes(1), default);
        var fetched = await store.FetchAsync(10, null, T0.AddMinutes(1), Visibility, default);

        Assert.That(fetched.Single().ChangeType, Is.EqualTo(OrderChangeType.Cancellation));
    }

    [Test]
    public async Task Acknowledge_ARevisionNotYetStored_IsUnknown()
    {
        await store.UpsertAsync([Order("shop", "1", "a", T0)], OrderHandover.Pull, T0, default);

        var result = await store.AcknowledgeAsync([new("shop:1", 7, "4500000001")], T0, default);

        Assert.That(result.Single().Status, Is.EqualTo(AcknowledgeStatus.Unknown));
        Assert.That((await store.ListAsync(null, OrderState.Acknowledged, 10, default)), Is.Empty);
    }

    [Test]
    public async Task Push_ClaimedOnce_TransientRetriesLater_PermanentFails_ResubmitRestores()
    {
        await store.UpsertAsync([Order("shop", "1", "a", T0), Order("shop", "2", "a", T0)], OrderHandover.Push, T0, default);
        var lease = TimeSpan.FromMinutes(1);

        var claimed = await store.ClaimPushesAsync("shop", 10, T0, lease, default);
        var again = await store.ClaimPushesAsync("shop", 10, T0, lease, default);
        var pulled = await store.FetchAsync(10, null, T0, Visibility, default);
        await store.CompletePushAsync(new("shop:1", 1, null, "503 from the ERP", Permanent: false, RetryAt: T0.AddMinutes(2)), T0, default);
        await store.CompletePushAsync(new("shop:2", 1, null, "order type unknown", Permanent: true, RetryAt: null), T0, default);
        var beforeRetry = await store.ClaimPushesAsync("shop", 10, T0.AddMinutes(1), lease, default);
        var retry = await store.ClaimPushesAsync("shop", 10, T0.AddMinutes(2), lease, default);
        await store.CompletePushAsync(new("shop:1", 1, "0000012345", null, false, null), T0.AddMinutes(2), default);
        var resubmitted = await store.ResubmitAsync(null, "shop", T0.AddMinutes(3), default);
        var afterResubmit = await store.ClaimPushesAsync("shop", 10, T0.AddMinutes(3), lease, default);

        Assert.That(claimed.Select(o => o.OrderId), Is.EqualTo(new[] { "shop:1", "shop:2" }));
        Assert.That(again, Is.Empty);
        Assert.That(pulled, Is.Empty, "push orders are not offered to FetchOrders");
        Assert.That(beforeRetry, Is.Empty);
        Assert.That(retry.Single().OrderId, Is.EqualTo("shop:1"));
        Assert.That(retry.Single().PushAttempts, Is.EqualTo(1));
        Assert.That(resubmitted, Is.EqualTo(1));
        Assert.That(afterResubmit.Single().OrderId, Is.EqualTo("shop:2"));
        var views = await store.ListAsync("shop", null, 10, default);
        Assert.That(views.Single(v => v.OrderId == "shop:1").State, Is.EqualTo(OrderState.Acknowledged));
        Assert.That(views.Single(v => v.OrderId == "shop:1").ErpDocumentNumber, Is.EqualTo("0000012345"));
    }

    [Test]
    public async Task Cursor_IsPerChannel_AndMovesWhenSaved()
    {
        Assert.That(await store.GetCursorAsync("shop", default), Is.Null);

        await store.SaveCursorAsync("shop", T0, T0, default);
        await store.SaveCursorAsync("shop", T0.AddMinutes(1), T0.AddMinutes(1), default);

        Assert.That(await store.GetCursorAsync("shop", default), Is.EqualTo(T0.AddMinutes(1)));
        Assert.That(await store.GetCursorAsync("other", default), Is.Null);
    }

    [Test]
    public async Task Count_PerChannelAndState()
    {
        await store.UpsertAsync([Order("shop", "1", "a", T0), Order("shop", "2", "a", T0)], OrderHandover.Pull, T0, default);
        await store.FetchAsync(1, null, T0, Visibility, default);

        await store.UpsertAsync([Order("bc", "1", "a", T0)], OrderHandover.Pull, T0, default);

        var counts = await store.CountAsync("shop", default);

        Assert.That(counts, Is.EquivalentTo(new[] { new OrderCount("shop", OrderState.Fetched, 1), new OrderCount("shop", OrderState.Pending, 1) }));
        Assert.That(await store.CountAsync("bc", default), Is.EqualTo(new[] { new OrderCount("bc", OrderState.Pending, 1) }));
        Assert.That(await store.CountAsync("none", default), Is.Empty);
    }

    [Test]
    public async Task ChannelsOfOrderNumbers_EachNumbersChannels_UnknownNumbersAbsent()
    {
        // Order "1" of shop and of bc both carry the number "#1"; "#2" is shop's alone.
        await store.UpsertAsync([Order("shop", "1", "h1", T0), Order("bc", "1", "h1", T0), Order("shop", "2", "h1", T0)], OrderHandover.Pull, T0, default);

        var channels = await store.ChannelsOfOrderNumbersAsync(["#1", "#2", "#3"], default);

        Assert.That(channels.Keys, Is.EquivalentTo(new[] { "#1", "#2" }));
        Assert.That(channels["#1"], Is.EqualTo(new[] { "bc", "shop" }));
        Assert.That(channels["#2"], Is.EqualTo(new[] { "shop" }));
        Assert.That(await store.ChannelsOfOrderNumbersAsync([], default), Is.Empty);
    }

    [Test]
    public async Task ChannelsOfOrderNumbers_AskedBefore_FollowNewOrdersAndChangedNumbers()
    {
        await store.UpsertAsync([Order("shop", "1", "h1", T0), Order("shop", "2", "h1", T0)], OrderHandover.Pull, T0, default);
        Assert.That((await store.ChannelsOfOrderNumbersAsync(["#1", "#2"], default))["#1"], Is.EqualTo(new[] { "shop" }));

        // Another store's order with a known number makes it ambiguous; an order that changes its number leaves its old one.
        await store.UpsertAsync([Order("bc", "1", "h1", T0)], OrderHandover.Pull, T0.AddSeconds(1), default);
        await store.UpsertAsync([new OrderRevision("shop", "2", "#2-B", T0.AddMinutes(1), false, "<Order/>", "h2")], OrderHandover.Pull, T0.AddMinutes(1), default);

        var channels = await store.ChannelsOfOrderNumbersAsync(["#1", "#2", "#2-B"], default);
        Assert.That(channels["#1"], Is.EqualTo(new[] { "bc", "shop" }));
        Assert.That(channels, Does.Not.ContainKey("#2"));
        Assert.That(channels["#2-B"], Is.EqualTo(new[] { "shop" }));
    }

    [Test]
    public async Task Upsert_TheSameNewOrdersFromSeveralNodesAtOnce_StoreEachOnce()
    {
        // Four stores over one database stand for four nodes (on SQLite they queue on the one writer); each new order
        // is upserted by all of them at the same moment. One creates it, the others find it: none fails on the key.
        var nodes = new[] { store }.Concat(Enumerable.Range(0, 3).Select(_ => new SqlOrderStore(Database.Dialect, Database.Options, Messages))).ToList();
        var summaries = new List<OrderUpsertSummary>();
        for (var i = 0; i < 40; i++)
        {
            var order = Order("shop", $"race-{i}", "h1", T0);
            summaries.AddRange(await Task.WhenAll(nodes.Select(n => Task.Run(() => n.UpsertAsync([order], OrderHandover.Pull, T0, default)))));
        }

        Assert.That(summaries.Sum(s => s.Created), Is.EqualTo(40));
        Assert.That(summaries.Sum(s => s.Unchanged), Is.EqualTo(120));
        Assert.That(await store.ListAsync("shop", null, 100, default), Has.Count.EqualTo(40));
    }

    [Test]
    public async Task ChannelsOfOrderNumbers_AnUnknownNumber_IsFoundOnceItsOrderIsFetched()
    {
        Assert.That(await store.ChannelsOfOrderNumbersAsync(["#7"], default), Is.Empty);

        await store.UpsertAsync([Order("shop", "7", "h1", T0)], OrderHandover.Pull, T0, default);

        Assert.That((await store.ChannelsOfOrderNumbersAsync(["#7"], default))["#7"], Is.EqualTo(new[] { "shop" }));
    }

    private static OrderRevision Order(string channel, string id, string content, DateTimeOffset updatedAt, bool cancelled = false) =>
        new(channel, id, "#" + id, updatedAt, cancelled, $"<Order><Content>{content}</Content></Order>", content);
}
