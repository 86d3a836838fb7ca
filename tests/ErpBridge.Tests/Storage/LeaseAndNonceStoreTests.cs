using Dapper;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// Issue 16: the heartbeat's renewal of a channel lease and its claims, and digest nonces shared by every node, on
/// every dialect available. Two store instances on one database stand for two nodes.
/// </summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class LeaseAndNonceStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private SqlDeliveryStore node1 = null!;
    private SqlDeliveryStore node2 = null!;
    private SqlMessageStore node2Messages = null!;

    [SetUp]
    public void CreateStores()
    {
        node1 = new SqlDeliveryStore(Database.Dialect, Database.Options, Messages);
        node2Messages = Database.CreateStore();
        node2 = new SqlDeliveryStore(Database.Dialect, Database.Options, node2Messages);
    }

    [TearDown]
    public async Task DisposeNode2Async() => await node2Messages.DisposeAsync();

    [Test]
    public async Task Renew_HeldLease_RenewsTheLeaseAndTheClaims_SoThatNoOtherNodeTakesEither()
    {
        await AcceptAsync("m-1");
        Assert.That(await node1.TryLeaseChannelAsync("shop", "w1", T0, Lease, CancellationToken.None), Is.True);
        Assert.That(await node1.ClaimAsync("shop", "w1", 10, T0, Lease, CancellationToken.None), Has.Count.EqualTo(1));

        var renewed = await node1.RenewChannelLeaseAsync("shop", "w1", T0.AddSeconds(50), Lease, CancellationToken.None);
        var afterFirstLease = T0 + Lease + TimeSpan.FromSeconds(5);
        var taken = await node2.TryLeaseChannelAsync("shop", "w2", afterFirstLease, Lease, CancellationToken.None);
        var claimed = await node2.ClaimAsync("shop", "w2", 10, afterFirstLease, Lease, CancellationToken.None);

        Assert.That(renewed, Is.True);
        Assert.That(taken, Is.False, "the lease runs until 50 s + 1 min now");
        Assert.That(claimed, Is.Empty, "the claim was renewed with the lease");
    }

    [Test]
    public async Task Renew_LeaseTakenOverByAnotherNode_RefusedAndTheClaimsAreNotRenewed()
    {
        await AcceptAsync("m-1");
        await node1.TryLeaseChannelAsync("shop", "w1", T0, Lease, CancellationToken.None);
        await node1.ClaimAsync("shop", "w1", 10, T0, Lease, CancellationToken.None);
        var late = T0 + Lease + TimeSpan.FromSeconds(1);
        Assert.That(await node2.TryLeaseChannelAsync("shop", "w2", late, Lease, CancellationToken.None), Is.True, "the first lease has run out");

        var renewed = await node1.RenewChannelLeaseAsync("shop", "w1", late.AddSeconds(1), Lease, CancellationToken.None);
        var claimed = await node2.ClaimAsync("shop", "w2", 10, late.AddSeconds(2), Lease, CancellationToken.None);

        Assert.That(renewed, Is.False);
        Assert.That(claimed.Select(c => (c.MessageId, c.Attempts)), Is.EqualTo(new[] { ("m-1", 1) }), "the dead claim is taken over");
    }

    [Test]
    public async Task Renew_ExpiredLeaseNobodyTook_RefusedAndNotTakenAgain()
    {
        await node1.TryLeaseChannelAsync("shop", "w1", T0, Lease, CancellationToken.None);

        var renewed = await node1.RenewChannelLeaseAsync("shop", "w1", T0 + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);
        var taken = await node2.TryLeaseChannelAsync("shop", "w2", T0 + Lease + TimeSpan.FromSeconds(2), Lease, CancellationToken.None);

        Assert.That(renewed, Is.False, "a run that outlived its lease stops; it does not take the lease again unseen");
        Assert.That(taken, Is.True);
    }

    [Test]
    public async Task Renew_NeverLeased_Refused()
    {
        Assert.That(await node1.RenewChannelLeaseAsync("shop", "w1", T0, Lease, CancellationToken.None), Is.False);
    }

    [Test]
    public async Task UseNonce_OnceAcrossNodes_ThenRefusedUntilItExpires()
    {
        var first = new SqlNonceStore(Database.Dialect, Database.Options, Messages);
        var second = new SqlNonceStore(Database.Dialect, Database.Options, node2Messages);
        var expires = T0.AddMinutes(10);

        var used = await first.TryUseAsync("sap\n0102030405060708", T0, expires, CancellationToken.None);
        var replayed = await second.TryUseAsync("sap\n0102030405060708", T0.AddMinutes(1), expires.AddMinutes(1), CancellationToken.None);
        var otherUser = await second.TryUseAsync("oracle\n0102030405060708", T0.AddMinutes(1), expires.AddMinutes(1), CancellationToken.None);
        var afterExpiry = await first.TryUseAsync("sap\n0102030405060708", expires.AddSeconds(1), expires.AddMinutes(10), CancellationToken.None);
        var replayedAgain = await second.TryUseAsync("sap\n0102030405060708", expires.AddSeconds(2), expires.AddMinutes(10), CancellationToken.None);

        Assert.That((used, replayed, otherUser), Is.EqualTo((true, false, true)));
        Assert.That((afterExpiry, replayedAgain), Is.EqualTo((true, false)), "an expired use no longer blocks; the renewed one does");
    }

    [Test]
    public async Task UseNonce_AfterTheInterval_PurgesExpiredNoncesInBatches()
    {
        var nonces = new SqlNonceStore(Database.Dialect, Database.Options, Messages);
        for (var i = 0; i < 5; i++)
        {
            await nonces.TryUseAsync($"sap\n{i:D16}", T0, T0.AddMinutes(10), CancellationToken.None);
        }

        await nonces.TryUseAsync("sap\nlater-one", T0.AddMinutes(5), T0.AddMinutes(15), CancellationToken.None);
        var beforeExpiry = await CountNoncesAsync();
        await nonces.TryUseAsync("sap\nafter-expiry", T0.AddMinutes(11), T0.AddMinutes(21), CancellationToken.None);

        Assert.That(beforeExpiry, Is.EqualTo(6));
        Assert.That(await CountNoncesAsync(), Is.EqualTo(2), "the five expired ones are gone; the later one and the new one stay");
    }

    private async Task<long> CountNoncesAsync()
    {
        await using var connection = await Database.Dialect.OpenAsync(Database.Options.ConnectionString, writer: false, CancellationToken.None);
        var table = Database.Dialect is SqlServerDialect ? "dbo.digest_nonces" : "digest_nonces";
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    private async Task AcceptAsync(string id)
    {
        var payload = $"<m id=\"{id}\"/>";
        var message = new IncomingMessage(id, MessageType.Inventory, null, "SAP-ECC", T0.AddMinutes(-5), payload, ContentHash.Of(payload), []);
        var result = await Messages.AcceptAsync(new AcceptRequest(message, ["shop"], T0.AddMinutes(-1), "corr-" + id, "sap-pi"), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
    }
}
