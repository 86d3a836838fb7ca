using ErpBridge.Core.Alerts;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// Issue 17: the alert outbox and alert states (migration 0017), on every dialect available: alerts claimed once until
/// their claim runs out, retried at their time, never again once sent; a state changes only from the value expected,
/// and its alerts are written with it or not at all.
/// </summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class AlertStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private SqlAlertStore alerts = null!;

    [SetUp]
    public void CreateStore() => alerts = new SqlAlertStore(Database.Dialect, Database.Options, Messages);

    [Test]
    public async Task Claim_TakesEachDueAlertOnce_UntilItsClaimRunsOut()
    {
        await alerts.EnqueueAsync([new OutboxAlert("a-1", "ops", """{"id":"a-1"}"""), new OutboxAlert("a-1", "chat", """{"id":"a-1"}""")], T0, CancellationToken.None);

        var first = await alerts.ClaimAsync(10, T0, Lease, CancellationToken.None);
        var again = await alerts.ClaimAsync(10, T0.AddSeconds(30), Lease, CancellationToken.None);
        var expired = await alerts.ClaimAsync(10, T0.AddMinutes(2), Lease, CancellationToken.None);

        Assert.That(first.Select(a => (a.AlertId, a.Webhook, a.Body, a.Attempts)), Is.EquivalentTo(new[] { ("a-1", "ops", """{"id":"a-1"}""", 0), ("a-1", "chat", """{"id":"a-1"}""", 0) }));
        Assert.That(first[0].CreatedAt, Is.EqualTo(T0));
        Assert.That(again, Is.Empty, "claimed already");
        Assert.That(expired, Has.Count.EqualTo(2), "the node holding them stopped: another takes them");
    }

    [Test]
    public async Task Claim_SeveralNodesAtOnce_EachAlertGoesToOneOfThem()
    {
        await alerts.EnqueueAsync([.. Enumerable.Range(0, 60).Select(i => new OutboxAlert($"a-{i:D2}", "ops", "{}"))], T0, CancellationToken.None);
        var nodes = Enumerable.Range(0, 4).Select(_ => new SqlAlertStore(Database.Dialect, Database.Options, Messages)).ToList();

        var claims = await Task.WhenAll(nodes.SelectMany(n => Enumerable.Range(0, 3).Select(_ => Task.Run(() => n.ClaimAsync(7, T0, Lease, CancellationToken.None)))));
        var rest = await alerts.ClaimAsync(100, T0, Lease, CancellationToken.None);

        var all = claims.SelectMany(c => c).Concat(rest).Select(a => a.AlertId).ToList();
        Assert.That(all, Is.Unique, "no alert claimed twice");
        Assert.That(all, Has.Count.EqualTo(60));
    }

    [Test]
    public async Task Complete_PendingWaitsForItsRetryTime_SentIsNeverClaimedAgain()
    {
        await alerts.EnqueueAsync([new OutboxAlert("a-1", "ops", "{}"), new OutboxAlert("a-2", "ops", "{}")], T0, CancellationToken.None);
        var claimed = await alerts.ClaimAsync(10, T0, Lease, CancellationToken.None);

        await alerts.CompleteAsync(claimed.Single(a => a.AlertId == "a-1"), AlertSendState.Pending, T0.AddMinutes(5), "HTTP 500", T0, CancellationToken.None);
        await alerts.CompleteAsync(claimed.Single(a => a.AlertId == "a-2"), AlertSendState.Sent, null, null, T0, CancellationToken.None);

        Assert.That(await alerts.ClaimAsync(10, T0.AddMinutes(4), Lease, CancellationToken.None), Is.Empty, "a-1 not due yet, a-2 sent");
        var retried = await alerts.ClaimAsync(10, T0.AddMinutes(5), Lease, CancellationToken.None);
        Assert.That(retried.Select(a => (a.AlertId, a.Attempts)), Is.EqualTo(new[] { ("a-1", 1) }));
        var later = await alerts.ClaimAsync(10, T0.AddDays(1), Lease, CancellationToken.None);
        Assert.That(later.Select(a => a.AlertId), Is.EqualTo(new[] { "a-1" }), "a-1's claim ran out; a sent alert is never claimed again");
    }

    [Test]
    public async Task Transition_ChangesOnlyFromTheExpectedValue_WithItsAlertsOrNothing()
    {
        var first = await alerts.TransitionAsync("pause:shop-a", null, "active", [], T0, CancellationToken.None);
        var firstAgain = await alerts.TransitionAsync("pause:shop-a", null, "Operator|t1", [new OutboxAlert("lost-1", "ops", "{}")], T0, CancellationToken.None);
        var paused = await alerts.TransitionAsync("pause:shop-a", "active", "Operator|t1", [new OutboxAlert("won", "ops", "{}")], T0, CancellationToken.None);
        var stale = await alerts.TransitionAsync("pause:shop-a", "active", "Credentials|t2", [new OutboxAlert("lost-2", "ops", "{}")], T0, CancellationToken.None);

        Assert.That((first, firstAgain, paused, stale), Is.EqualTo((true, false, true, false)));
        Assert.That(await alerts.GetStateAsync("pause:shop-a", CancellationToken.None), Is.EqualTo("Operator|t1"));
        Assert.That(await alerts.GetStateAsync("pause:other", CancellationToken.None), Is.Null);
        var claimed = await alerts.ClaimAsync(10, T0, Lease, CancellationToken.None);
        Assert.That(claimed.Select(a => a.AlertId), Is.EqualTo(new[] { "won" }), "a change another node made first writes no alert");
    }

    [Test]
    public async Task LastOrderPolls_AreTheCursorsPolledAt()
    {
        var orders = new SqlOrderStore(Database.Dialect, Database.Options, Messages);
        await orders.SaveCursorAsync("shop-a", T0.AddHours(-1), T0, CancellationToken.None);
        await orders.SaveCursorAsync("shop-b", T0.AddHours(-1), T0.AddMinutes(3), CancellationToken.None);

        var polls = await alerts.LastOrderPollsAsync(CancellationToken.None);

        Assert.That(polls, Is.EquivalentTo(new Dictionary<string, DateTimeOffset> { ["shop-a"] = T0, ["shop-b"] = T0.AddMinutes(3) }));
    }
}
