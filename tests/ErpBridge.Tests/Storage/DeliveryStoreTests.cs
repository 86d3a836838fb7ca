using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>Claims, leases, outcomes, item versions and dead letters, on every dialect available.</summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class DeliveryStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private SqlDeliveryStore store = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        store = new SqlDeliveryStore(Database.Dialect, Database.Options, Messages);
    }

    [Test]
    public async Task Claim_DueDeliveriesOfTheChannel_OnceAndWithTheirMessages()
    {
        await AcceptAsync("m-1", ["shop-a", "shop-b"]);
        await AcceptAsync("m-2", ["shop-a"]);

        var first = await store.ClaimAsync("shop-a", "w1", 10, T0, Lease, CancellationToken.None);
        var again = await store.ClaimAsync("shop-a", "w2", 10, T0, Lease, CancellationToken.None);

        Assert.That(first.Select(c => c.MessageId), Is.EqualTo(new[] { "m-1", "m-2" }));
        Assert.That(first[0].Payload, Is.EqualTo("<m id=\"m-1\"/>"));
        Assert.That(first[0].Type, Is.EqualTo(MessageType.Inventory));
        Assert.That(first[0].SentAt, Is.EqualTo(T0.AddMinutes(-5)));
        Assert.That(again, Is.Empty, "claimed deliveries are not claimed twice while the claim lasts");
        Assert.That((await Messages.GetStatusAsync("m-1", CancellationToken.None))!.Deliveries.Single(d => d.Channel == "shop-a").Status, Is.EqualTo(DeliveryStatus.InProgress));
    }

    [Test]
    public async Task Claim_ConcurrentWorkers_SplitTheWorkWithoutOverlap()
    {
        for (var i = 0; i < 60; i++)
        {
            await AcceptAsync($"m-{i:D3}", ["shop-a"]);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(() => store.ClaimAsync("shop-a", $"w{w}", 15, T0, Lease, CancellationToken.None))));

        var all = claims.SelectMany(c => c).Select(c => c.DeliveryId).ToList();
        Assert.That(all, Is.Unique);
        Assert.That(all, Has.Count.EqualTo(60));
    }

    [Test]
    public async Task Claim_ExpiredClaim_IsTakenOverAndTheOldWorkerCannotComplete()
    {
        await AcceptAsync("m-1", ["shop-a"]);
        var first = await store.ClaimAsync("shop-a", "crashed", 10, T0, Lease, CancellationToken.None);

        var taken = await store.ClaimAsync("shop-a", "w2", 10, T0 + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);
        var stale = await store.CompleteAsync("shop-a", "crashed", [Result(first[0], DeliveryStatus.Delivered, ["inv:A@WH1"])], T0, CancellationToken.None);
        var recorded = await store.CompleteAsync("shop-a", "w2", [Result(taken[0], DeliveryStatus.Delivered, ["inv:A@WH1"])], T0, CancellationToken.None);

        Assert.That(taken.Select(c => c.MessageId), Is.EqualTo(new[] { "m-1" }));
        Assert.That(stale, Is.Zero);
        Assert.That(recorded, Is.EqualTo(1));
    }

    [Test]
    public async Task Complete_RecordsOutcomeAuditAndItemVersions_NewestWins()
    {
        await AcceptAsync("old", ["shop-a"], sentAt: T0.AddMinutes(-10));
        await AcceptAsync("new", ["shop-a"], sentAt: T0.AddMinutes(-1));
        var claims = await store.ClaimAsync("shop-a", "w1", 10, T0, Lease, CancellationToken.None);

        // The newer one is recorded first, then the older one: the older must not lower the version.
        await store.CompleteAsync("shop-a", "w1", [Result(claims.Single(c => c.MessageId == "new"), DeliveryStatus.Delivered, ["inv:A@WH1"])], T0, CancellationToken.None);
        await store.CompleteAsync("shop-a", "w1", [Result(claims.Single(c => c.MessageId == "old"), DeliveryStatus.Delivered, ["inv:A@WH1", "inv:B@WH1"])], T0, CancellationToken.None);
        var versions = await store.GetItemVersionsAsync("shop-a", ["inv:A@WH1", "inv:B@WH1", "inv:C@WH1"], CancellationToken.None);
        var history = await store.GetHistoryAsync("new", CancellationToken.None);

        Assert.That(versions["inv:A@WH1"].MessageId, Is.EqualTo("new"));
        Assert.That(versions["inv:B@WH1"].MessageId, Is.EqualTo("old"));
        Assert.That(versions.ContainsKey("inv:C@WH1"), Is.False);
        Assert.That(history.Select(h => (h.From, h.To)), Is.EqualTo(new (DeliveryStatus?, DeliveryStatus)[] { (null, DeliveryStatus.Pending), (DeliveryStatus.InProgress, DeliveryStatus.Delivered) }));
        Assert.That(history[^1].Detail, Is.EqualTo("detail Delivered"));
    }

    [Test]
    public async Task RetryScheduled_IsClaimedAgainOnlyWhenDue()
    {
        await AcceptAsync("m-1", ["shop-a"]);
        var claim = (await store.ClaimAsync("shop-a", "w1", 10, T0, Lease, CancellationToken.None)).Single();
        await store.CompleteAsync("shop-a", "w1", [Result(claim, DeliveryStatus.RetryScheduled, [], next: T0.AddSeconds(30), error: "HTTP 503")], T0, CancellationToken.None);

        var early = await store.ClaimAsync("shop-a", "w1", 10, T0.AddSeconds(29), Lease, CancellationToken.None);
        var due = await store.ClaimAsync("shop-a", "w1", 10, T0.AddSeconds(31), Lease, CancellationToken.None);

        Assert.That(early, Is.Empty);
        Assert.That(due.Single().Attempts, Is.EqualTo(1));
        var status = (await Messages.GetStatusAsync("m-1", CancellationToken.None))!.Deliveries.Single();
        Assert.That(status.LastError, Is.EqualTo("HTTP 503"));
    }

    [Test]
    public async Task DeadLetters_ListedAndResubmittedWithAFreshBudget()
    {
        await AcceptAsync("m-1", ["shop-a", "shop-b"]);
        await AcceptAsync("m-2", ["shop-a"]);
        foreach (var channel in new[] { "shop-a", "shop-b" })
        {
            var claims = await store.ClaimAsync(channel, "w1", 10, T0, Lease, CancellationToken.None);
            await store.CompleteAsync(channel, "w1", claims.Select(c => Result(c, DeliveryStatus.Failed, [], error: "422 Title can't be blank", attempts: 3)).ToList(), T0, CancellationToken.None);
        }

        var dead = await store.ListDeadLettersAsync("shop-a", 100, CancellationToken.None);
        var resubmittedOne = await store.ResubmitAsync("m-1", "shop-a", T0.AddMinutes(1), CancellationToken.None);
        var resubmittedRest = await store.ResubmitAsync(null, "shop-a", T0.AddMinutes(1), CancellationToken.None);
        var stillDead = await store.ListDeadLettersAsync(null, 100, CancellationToken.None);
        var claimable = await store.ClaimAsync("shop-a", "w1", 10, T0.AddMinutes(2), Lease, CancellationToken.None);

        Assert.That(dead.Select(d => (d.MessageId, d.Attempts, d.LastError)), Is.EqualTo(new[] { ("m-1", 3, "422 Title can't be blank"), ("m-2", 3, "422 Title can't be blank") }));
        Assert.That(resubmittedOne, Is.EqualTo(1));
        Assert.That(resubmittedRest, Is.EqualTo(1));
        Assert.That(stillDead.Select(d => (d.MessageId, d.Channel)), Is.EqualTo(new[] { ("m-1", "shop-b") }));
        Assert.That(claimable.Select(c => (c.MessageId, c.Attempts)), Is.EqualTo(new[] { ("m-1", 0), ("m-2", 0) }));
        var history = await store.GetHistoryAsync("m-1", CancellationToken.None);
        Assert.That(history.Where(h => h.Channel == "shop-a").Select(h => h.Detail), Has.Member("resubmitted by an operator"));
    }

    [Test]
    public async Task ChannelLease_OneHolderAtATime_UntilReleasedOrExpired()
    {
        var first = await store.TryLeaseChannelAsync("shop-a", "w1", T0, Lease, CancellationToken.None);
        var second = await store.TryLeaseChannelAsync("shop-a", "w2", T0.AddSeconds(10), Lease, CancellationToken.None);
        var renewed = await store.TryLeaseChannelAsync("shop-a", "w1", T0.AddSeconds(20), Lease, CancellationToken.None);
        var otherChannel = await store.TryLeaseChannelAsync("shop-b", "w2", T0, Lease, CancellationToken.None);
        var afterExpiry = await store.TryLeaseChannelAsync("shop-a", "w2", T0.AddSeconds(20) + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);
        await store.ReleaseChannelAsync("shop-a", "w2", CancellationToken.None);
        var afterRelease = await store.TryLeaseChannelAsync("shop-a", "w3", T0.AddSeconds(100), Lease, CancellationToken.None);

        Assert.That((first, second, renewed, otherChannel, afterExpiry, afterRelease), Is.EqualTo((true, false, true, true, true, true)));
    }

    [Test]
    public async Task Count_ByStatus()
    {
        await AcceptAsync("m-1", ["shop-a", "shop-b"]);
        await store.ClaimAsync("shop-a", "w1", 10, T0, Lease, CancellationToken.None);

        var counts = await store.CountAsync(CancellationToken.None);

        Assert.That(counts, Is.EqualTo(new[] { new DeliveryCount("shop-a", DeliveryStatus.InProgress, 1), new DeliveryCount("shop-b", DeliveryStatus.Pending, 1) }));
    }

    private async Task AcceptAsync(string id, string[] channels, DateTimeOffset? sentAt = null)
    {
        var payload = $"<m id=\"{id}\"/>";
        var message = new IncomingMessage(id, MessageType.Inventory, null, "SAP-ECC", sentAt ?? T0.AddMinutes(-5), payload, ContentHash.Of(payload), []);
        var result = await Messages.AcceptAsync(new AcceptRequest(message, channels, T0.AddMinutes(-1), "corr-" + id, "sap-pi"), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
    }

    private static DeliveryResult Result(ClaimedDelivery claim, DeliveryStatus status, string[] keys, DateTimeOffset? next = null, string? error = null, int? attempts = null) =>
        new(claim.DeliveryId, claim.MessageId, status, attempts ?? claim.Attempts + 1, next, error, $"detail {status}", claim.Version, keys);
}
