using Dapper;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Delivery;
using ErpBridge.Storage;
using ErpBridge.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Delivery;

/// <summary>
/// Issue 16, requirement 4: a running delivery renews its channel lease and its claims (a heartbeat) and stops sending
/// when it cannot; a node that stops heartbeating loses the channel after the lease time. Two nodes are two stores and
/// two jobs with their own worker ids on one real SQLite file; the clock is a fake one the test moves.
/// </summary>
public sealed class LeaseHeartbeatTests
{
    private static readonly DateTimeOffset T0 = Claims.Start.AddHours(1);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Heartbeat = Lease / 3;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private FakeTimeProvider time = null!;
    private StorageDatabase database = null!;
    private SqlMessageStore messagesA = null!;
    private SqlMessageStore messagesB = null!;
    private SqlDeliveryStore storeA = null!;
    private SqlDeliveryStore storeB = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        time = new FakeTimeProvider(T0);
        database = await StorageDatabase.CreateAsync(new StorageTarget("Sqlite"));
        messagesA = database.CreateStore();
        messagesB = database.CreateStore();
        storeA = new SqlDeliveryStore(database.Dialect, database.Options, messagesA);
        storeB = new SqlDeliveryStore(database.Dialect, database.Options, messagesB);
    }

    [TearDown]
    public async Task DisposeAsync()
    {
        await messagesA.DisposeAsync();
        await messagesB.DisposeAsync();
        await database.DisposeAsync();
    }

    [Test]
    public async Task Job_RoundPacedSlowerThanTheLease_KeepsTheLeaseAndItsClaims_TheOtherNodeCannotTakeTheChannel()
    {
        await AcceptAsync("P-1", "A");
        var connector = new GatedChannelConnector(Claims.Channel);
        var run = Job(storeA, connector, "node-a").RunAsync(Claims.Channel, CancellationToken.None);
        await connector.Entered.WaitAsync(Wait);

        // Three lease times pass while the one send waits on the store; every heartbeat renews lease and claim.
        for (var beat = 1; beat <= 9; beat++)
        {
            time.Advance(Heartbeat);
            await LeaseRenewedUntilAsync(time.GetUtcNow() + Lease);

            Assert.That(await Job(storeB, new GatedChannelConnector(Claims.Channel), "node-b").RunAsync(Claims.Channel, CancellationToken.None), Is.Zero, $"beat {beat}");
            Assert.That(await storeB.ClaimAsync(Claims.Channel, "node-b", 10, time.GetUtcNow(), Lease, CancellationToken.None), Is.Empty, $"beat {beat}");
        }

        connector.Open();

        Assert.That(await run.WaitAsync(Wait), Is.EqualTo(1));
        Assert.That(connector.Executed, Has.Count.EqualTo(1));
        Assert.That(await StatusAsync("P-1"), Is.EqualTo((DeliveryStatus.Delivered, 1)));
    }

    [TestCase("stolen")]
    [TestCase("refused")]
    public async Task Job_HeartbeatFails_StopsSendingWithinOneHeartbeat_AndGivesTheUnsentClaimsBack(string how)
    {
        await AcceptAsync("P-1", "A");
        await AcceptAsync("P-2", "B");
        await AcceptAsync("P-3", "C");
        var connector = new GatedChannelConnector(Claims.Channel);
        var run = Job(storeA, connector, "node-a", concurrency: 1).RunAsync(Claims.Channel, CancellationToken.None);
        await connector.Entered.WaitAsync(Wait);

        await ExecuteAsync(how == "stolen"
            ? "UPDATE channel_leases SET holder = 'node-b'"
            : "CREATE TRIGGER refuse_leases BEFORE UPDATE ON channel_leases BEGIN SELECT RAISE(ABORT, 'the database refuses'); END");
        time.Advance(Heartbeat);

        Assert.That(await run.WaitAsync(Wait), Is.EqualTo(3), "the run ends after one heartbeat, though the store never answered");
        Assert.That(connector.Executed, Has.Count.EqualTo(1), "P-2 and P-3 were never sent");
        foreach (var id in new[] { "P-1", "P-2", "P-3" })
        {
            Assert.That(await StatusAsync(id), Is.EqualTo((DeliveryStatus.Pending, 0)), $"{id} given back uncounted");
        }

        Assert.That(await storeB.ClaimAsync(Claims.Channel, "node-b", 10, time.GetUtcNow(), Lease, CancellationToken.None), Has.Count.EqualTo(3), "another node takes them at once");
    }

    [Test]
    public async Task Job_NodeStopsHeartbeating_LosesTheChannelAfterTheLeaseTime_AndTheOtherNodeDeliversItsClaims()
    {
        await AcceptAsync("P-1", "A");

        // Node A takes the channel and claims, then dies: no heartbeat, no outcome.
        Assert.That(await storeA.TryLeaseChannelAsync(Claims.Channel, "node-a", T0, Lease, CancellationToken.None), Is.True);
        Assert.That(await storeA.ClaimAsync(Claims.Channel, "node-a", 10, T0, Lease, CancellationToken.None), Has.Count.EqualTo(1));
        var connector = new GatedChannelConnector(Claims.Channel);
        connector.Open();
        var nodeB = Job(storeB, connector, "node-b");

        time.Advance(Lease - TimeSpan.FromSeconds(1));
        var whileLeased = await nodeB.RunAsync(Claims.Channel, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        var afterLease = await nodeB.RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(whileLeased, Is.Zero);
        Assert.That(afterLease, Is.EqualTo(1));
        Assert.That(connector.Executed, Has.Count.EqualTo(1));
        Assert.That(await StatusAsync("P-1"), Is.EqualTo((DeliveryStatus.Delivered, 2)), "the dead node's claim counted as an attempt");
    }

    private DeliverChannelJob Job(IDeliveryStore store, IChannelConnector connector, string worker, int concurrency = 16)
    {
        var options = new DeliveryOptions { WorkerId = worker, LeaseDuration = Lease, BatchSize = 10, MaxConcurrencyPerChannel = concurrency, MaxRunTime = TimeSpan.FromHours(1) };
        var round = DeliveryRounds.Create(store, connector, options, time);
        return new DeliverChannelJob(store, round, options, new DeliveryWakeup(NullLogger<DeliveryWakeup>.Instance), time, NullLogger<DeliverChannelJob>.Instance);
    }

    private async Task AcceptAsync(string id, string sku)
    {
        var payload = Claims.Products(0, id, 0, sku).Payload;
        var message = new IncomingMessage(id, MessageType.Products, null, "SAP-ECC", T0.AddMinutes(-5), payload, ContentHash.Of(payload), []);
        var result = await messagesA.AcceptAsync(new AcceptRequest(message, [Claims.Channel], T0.AddMinutes(-1), "corr-" + id, "sap-pi"), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
    }

    private async Task<(DeliveryStatus Status, int Attempts)> StatusAsync(string id)
    {
        var delivery = (await messagesA.GetStatusAsync(id, CancellationToken.None))!.Deliveries.Single();
        return (delivery.Status, delivery.Attempts);
    }

    /// <summary>Waits (in real time) until the heartbeat's renewal has reached the database.</summary>
    private async Task LeaseRenewedUntilAsync(DateTimeOffset until)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var connection = await database.Dialect.OpenAsync(database.Options.ConnectionString, writer: false, CancellationToken.None);
            var row = await connection.QuerySingleAsync<(string Holder, string Until)>("SELECT holder, until FROM channel_leases WHERE channel = @Channel", new { Claims.Channel });
            if (row.Holder == "node-a" && SqlDialect.ReadTime(row.Until) == until)
            {
                return;
            }

            Assert.That(waited.Elapsed, Is.LessThan(Wait), $"the lease was not renewed until {until:O}; it runs until {row.Until}");
            await Task.Delay(20);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await database.Dialect.OpenAsync(database.Options.ConnectionString, writer: false, CancellationToken.None);
        await connection.ExecuteAsync(sql);
    }
}
