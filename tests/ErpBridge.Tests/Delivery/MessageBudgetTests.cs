using ErpBridge.Core.Status;
using ErpBridge.Delivery;
using ErpBridge.Mapping.Maps;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Tests.Delivery;

/// <summary>Issue 14, requirement 3: a message that maps or sends past its budget, or whose map throws, fails alone.</summary>
public sealed class MessageBudgetTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private readonly ManualTimeProvider clock = new(Claims.Start.AddHours(1));

    [Test]
    public async Task Round_AMapRunningPastTheBudget_FailsThatMessageAlone()
    {
        using var threads = new MapThreads(4);
        var store = new FakeDeliveryStore([Claims.Products(1, "P-SLOW", 0, "SLOW"), Claims.Products(2, "P-2", 0, "P2"), Claims.Stock(3, "M-3", 0, "A@WH1")]);
        var connector = new HangingChannelConnector(Claims.Channel);
        var maps = new PoisonMessageMaps();

        await Round(store, connector, maps, threads).RunAsync(Claims.Channel, CancellationToken.None);

        var results = store.Completions.Single().ToDictionary(r => r.MessageId);
        Assert.That(results["P-SLOW"].Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(results["P-SLOW"].LastError, Is.EqualTo("took longer than its time budget of 1 s while mapping (ErpBridge:Delivery:MessageBudget)"));
        Assert.That(results["P-2"].Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(results["M-3"].Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(maps.SlowStarted, Is.EqualTo(1));
        await AssertNoMapThreadBusyAsync(threads);
    }

    [Test]
    public async Task Round_AMapThatThrows_FailsThatMessageAloneWithTheReason()
    {
        var store = new FakeDeliveryStore([Claims.Products(1, "P-BAD", 0, "THROW"), Claims.Products(2, "P-2", 0, "P2")]);

        await Round(store, new HangingChannelConnector(Claims.Channel), new PoisonMessageMaps()).RunAsync(Claims.Channel, CancellationToken.None);

        var results = store.Completions.Single().ToDictionary(r => r.MessageId);
        Assert.That(results["P-BAD"].Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(results["P-BAD"].LastError, Is.EqualTo("outbound mapping failed: InvalidOperationException: the map broke"));
        Assert.That(results["P-2"].Status, Is.EqualTo(DeliveryStatus.Delivered));
    }

    [Test]
    public async Task Round_ASendPastTheBudget_FailsThatMessageAlone()
    {
        var store = new FakeDeliveryStore([Claims.Products(1, "P-SLOW", 0, "SLOW"), Claims.Products(2, "P-2", 0, "P2")]);

        await Round(store, new HangingChannelConnector(Claims.Channel), new FakeMessageMaps()).RunAsync(Claims.Channel, CancellationToken.None);

        var results = store.Completions.Single().ToDictionary(r => r.MessageId);
        Assert.That(results["P-SLOW"].Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(results["P-SLOW"].LastError, Is.EqualTo("took longer than its time budget of 1 s while sending (ErpBridge:Delivery:MessageBudget)"));
        Assert.That(results["P-2"].Status, Is.EqualTo(DeliveryStatus.Delivered));
    }

    [Test]
    public async Task Round_AMergedStockBatchPastTheBudget_DeliversItsMessagesOneByOne()
    {
        var store = new FakeDeliveryStore([Claims.Stock(1, "M-1", 0, "A@WH1"), Claims.Stock(2, "M-SLOW", 0, "SLOW@WH1"), Claims.Stock(3, "M-3", 0, "B@WH1")]);
        var connector = new HangingChannelConnector(Claims.Channel);

        await Round(store, connector, new PoisonMessageMaps()).RunAsync(Claims.Channel, CancellationToken.None);

        var results = store.Completions.Single().ToDictionary(r => r.MessageId, r => r.Status);
        Assert.That(results, Is.EquivalentTo(new Dictionary<string, DeliveryStatus>
        {
            ["M-1"] = DeliveryStatus.Delivered,
            ["M-SLOW"] = DeliveryStatus.Failed,
            ["M-3"] = DeliveryStatus.Delivered,
        }));
        Assert.That(connector.Executed.Select(FakeMessageMaps.SkusOf), Is.EquivalentTo(new[] { "A", "B" }), "the merged plan never got to the store; each good message went on its own");
    }

    [Test]
    public async Task Job_APoisonMessageAmongAThousand_TheThousandAreDeliveredAndNoThreadIsLeftBusy()
    {
        using var threads = new MapThreads(16);
        var claims = Enumerable.Range(1, 1001)
            .Select(i => i == 500 ? Claims.Products(i, "POISON", 0, "SLOW") : Claims.Products(i, $"P-{i}", 0, $"SKU-{i}"))
            .ToArray();
        var store = new FakeDeliveryStore(claims);
        var options = Options();
        var round = DeliveryRounds.Create(store, new HangingChannelConnector(Claims.Channel), options, clock, new PoisonMessageMaps(), threads);
        var job = new DeliverChannelJob(store, round, options, new DeliveryWakeup(NullLogger<DeliveryWakeup>.Instance), clock, NullLogger<DeliverChannelJob>.Instance);

        var handled = await job.RunAsync(Claims.Channel, CancellationToken.None);

        var results = store.Completions.SelectMany(c => c).ToList();
        Assert.That(handled, Is.EqualTo(1001));
        Assert.That(results.Count(r => r.Status == DeliveryStatus.Delivered), Is.EqualTo(1000));
        Assert.That(results.Single(r => r.Status == DeliveryStatus.Failed).MessageId, Is.EqualTo("POISON"));
        Assert.That(results.Single(r => r.MessageId == "POISON").LastError, Does.StartWith("took longer than its time budget"));
        await AssertNoMapThreadBusyAsync(threads);
    }

    [Test]
    public async Task Round_ADeliveryTheProcessStoppedUnderTooOften_FailsWithoutBeingMappedOrSent()
    {
        var connector = new HangingChannelConnector(Claims.Channel);
        var store = new FakeDeliveryStore(
        [
            Claims.Products(1, "P-CRASH", 0, "P1") with { UnfinishedClaims = 5, Attempts = 5 },
            Claims.Products(2, "P-RESTARTED", 0, "P2") with { UnfinishedClaims = 4, Attempts = 4 },
        ]);

        await Round(store, connector, new FakeMessageMaps()).RunAsync(Claims.Channel, CancellationToken.None);

        var results = store.Completions.Single().ToDictionary(r => r.MessageId);
        Assert.That(results["P-CRASH"].Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(results["P-CRASH"].LastError, Is.EqualTo("the bridge stopped 5 times while delivering this message"));
        Assert.That(results["P-CRASH"].Attempts, Is.EqualTo(6), "every claim was an attempt");
        Assert.That(results["P-RESTARTED"].Status, Is.EqualTo(DeliveryStatus.Delivered), "fewer stops than MaxClaimsWithoutOutcome are ordinary restarts");
        Assert.That(connector.Executed.Select(FakeMessageMaps.SkusOf), Is.EqualTo(new[] { "P2" }));
    }

    [Test]
    public async Task Round_ADeliveryTheProcessStoppedUnder_GoesAlone_TheOthersAreGivenBackUncounted()
    {
        var connector = new HangingChannelConnector(Claims.Channel);
        var store = new FakeDeliveryStore(
        [
            Claims.Products(1, "P-1", 0, "P1") with { UnfinishedClaims = 1, Attempts = 1 },
            Claims.Products(2, "P-2", 0, "P2") with { UnfinishedClaims = 2, Attempts = 2 },
            Claims.Products(3, "P-3", 0, "P3"),
        ]);
        var round = Round(store, connector, new FakeMessageMaps());

        await round.RunAsync(Claims.Channel, CancellationToken.None);
        await round.RunAsync(Claims.Channel, CancellationToken.None);
        await round.RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(store.Released, Is.EqualTo(new long[] { 2, 3, 3 }), "a suspect at a time, the rest given back");
        Assert.That(store.Completions.Select(c => c.Single().MessageId), Is.EqualTo(new[] { "P-1", "P-2", "P-3" }));
        Assert.That(store.Completions.Select(c => c.Single().Status), Is.All.EqualTo(DeliveryStatus.Delivered));
    }

    [Test]
    public async Task Round_CancelledAtShutdown_GivesItsClaimsBackUncounted()
    {
        var store = new FakeDeliveryStore([Claims.Products(1, "P-SLOW", 0, "SLOW"), Claims.Products(2, "P-2", 0, "P2")]);
        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(
            async () => await Round(store, new HangingChannelConnector(Claims.Channel), new FakeMessageMaps()).RunAsync(Claims.Channel, shutdown.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(store.Released, Is.EquivalentTo(new long[] { 1, 2 }));
        Assert.That(store.Completions, Is.Empty, "no outcome for a delivery cut short by the shutdown");
    }

    private static async Task AssertNoMapThreadBusyAsync(MapThreads threads)
    {
        // The cancelled map returns moments after its message was settled.
        for (var i = 0; i < 100 && threads.Busy > 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.That(threads.Busy, Is.Zero, "no map thread is left busy");
    }

    private static DeliveryOptions Options() => new() { WorkerId = "test", MessageBudget = Budget, MaxClaimsWithoutOutcome = 5 };

    private DeliveryRound Round(FakeDeliveryStore store, HangingChannelConnector connector, IMessageMaps maps, MapThreads? threads = null) =>
        DeliveryRounds.Create(store, connector, Options(), clock, maps, threads);
}
