using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>Issue 14: attempts and unfinished claims counted at claim, retries' start, and channel pauses, on every dialect available.</summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class ClaimCountingAndPauseStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Accepted = T0.AddMinutes(-1);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private SqlDeliveryStore store = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        store = new SqlDeliveryStore(Database.Dialect, Database.Options, Messages);
    }

    [Test]
    public async Task Claim_CountsAnAttemptAndAnUnfinishedClaim_UntilAnOutcomeIsRecorded()
    {
        await AcceptAsync("m-1");

        var first = (await store.ClaimAsync("shop", "w1", 10, T0, Lease, CancellationToken.None)).Single();
        var afterCrash = (await store.ClaimAsync("shop", "w2", 10, T0 + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None)).Single();
        var status = (await Messages.GetStatusAsync("m-1", CancellationToken.None))!.Deliveries.Single();

        Assert.That((first.Attempts, first.UnfinishedClaims), Is.EqualTo((0, 0)));
        Assert.That((afterCrash.Attempts, afterCrash.UnfinishedClaims), Is.EqualTo((1, 1)), "the first claim ended without an outcome");
        Assert.That(status.Attempts, Is.EqualTo(2), "a claim is an attempt as soon as it is made");
        Assert.That(first.RetryFrom, Is.EqualTo(Accepted), "retries begin at acceptance");

        var retry = T0.AddMinutes(5);
        await store.CompleteAsync("shop", "w2", [Result(afterCrash, DeliveryStatus.RetryScheduled, next: retry)], T0.AddMinutes(2), CancellationToken.None);
        var next = (await store.ClaimAsync("shop", "w1", 10, retry, Lease, CancellationToken.None)).Single();

        Assert.That((next.Attempts, next.UnfinishedClaims), Is.EqualTo((2, 0)), "an outcome ends the run of unfinished claims");
    }

    [Test]
    public async Task Release_GivesAClaimBackUncounted_AndDueAtOnce()
    {
        await AcceptAsync("m-1");
        await AcceptAsync("m-2");
        var claims = await store.ClaimAsync("shop", "w1", 10, T0, Lease, CancellationToken.None);

        var released = await store.ReleaseClaimsAsync("shop", "w1", [claims[1].DeliveryId], T0, CancellationToken.None);
        var notMine = await store.ReleaseClaimsAsync("shop", "w2", [claims[0].DeliveryId], T0, CancellationToken.None);
        var again = await store.ClaimAsync("shop", "w1", 10, T0, Lease, CancellationToken.None);

        Assert.That((released, notMine), Is.EqualTo((1, 0)));
        Assert.That(again.Select(c => (c.MessageId, c.Attempts, c.UnfinishedClaims)), Is.EqualTo(new[] { ("m-2", 0, 0) }), "m-1 is still claimed by w1");
    }

    [Test]
    public async Task Resubmit_StartsTheRetriesAfresh()
    {
        await AcceptAsync("m-1");
        var claim = (await store.ClaimAsync("shop", "w1", 10, T0, Lease, CancellationToken.None)).Single();
        await store.CompleteAsync("shop", "w1", [Result(claim, DeliveryStatus.Failed)], T0, CancellationToken.None);
        var resubmittedAt = T0.AddDays(4);

        await store.ResubmitAsync("m-1", null, resubmittedAt, CancellationToken.None);
        var again = (await store.ClaimAsync("shop", "w1", 10, resubmittedAt, Lease, CancellationToken.None)).Single();

        Assert.That((again.Attempts, again.UnfinishedClaims, again.RetryFrom), Is.EqualTo((0, 0, (DateTimeOffset?)resubmittedAt)));
    }

    [Test]
    public async Task Pause_StoredForEveryNode_ACredentialsPauseNeverReplacesAnOperatorsPause()
    {
        var credentials = new ChannelPause("shop", PauseKind.Credentials, "authentication failed (401)", T0, T0.AddMinutes(1));

        await store.PauseChannelAsync(credentials, CancellationToken.None);
        await store.PauseChannelAsync(credentials with { PausedAt = T0.AddMinutes(1), ProbeAt = T0.AddMinutes(2) }, CancellationToken.None);
        var reprobed = await store.GetPauseAsync("shop", CancellationToken.None);
        await store.PauseChannelAsync(new ChannelPause("shop", PauseKind.Operator, "store migration", T0.AddMinutes(3), null), CancellationToken.None);
        await store.PauseChannelAsync(credentials, CancellationToken.None);
        var byOperator = await store.GetPauseAsync("shop", CancellationToken.None);
        var liftedByProbe = await store.ResumeChannelAsync("shop", PauseKind.Credentials, CancellationToken.None);
        var listed = await store.ListPausesAsync(CancellationToken.None);
        var liftedByOperator = await store.ResumeChannelAsync("shop", PauseKind.Operator, CancellationToken.None);

        Assert.That(reprobed, Is.EqualTo(credentials with { ProbeAt = T0.AddMinutes(2) }), "a new probe time; the pause began when it began");
        Assert.That(byOperator, Is.EqualTo(new ChannelPause("shop", PauseKind.Operator, "store migration", T0, null)));
        Assert.That(liftedByProbe, Is.False);
        Assert.That(listed.Select(p => p.Channel), Is.EqualTo(new[] { "shop" }));
        Assert.That(liftedByOperator, Is.True);
        Assert.That(await store.GetPauseAsync("shop", CancellationToken.None), Is.Null);
        Assert.That(await store.ResumeChannelAsync("shop", PauseKind.Operator, CancellationToken.None), Is.False, "nothing left to lift");
    }

    private async Task AcceptAsync(string id)
    {
        var payload = $"<m id=\"{id}\"/>";
        var message = new IncomingMessage(id, MessageType.Inventory, null, "SAP-ECC", T0.AddMinutes(-5), payload, ContentHash.Of(payload), []);
        var result = await Messages.AcceptAsync(new AcceptRequest(message, ["shop"], Accepted, "corr-" + id, "sap-pi"), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
    }

    private static DeliveryResult Result(ClaimedDelivery claim, DeliveryStatus status, DateTimeOffset? next = null) =>
        new(claim.DeliveryId, claim.MessageId, status, claim.Attempts + 1, next, status == DeliveryStatus.Delivered ? null : "HTTP 503", $"detail {status}", claim.Version, []);
}
