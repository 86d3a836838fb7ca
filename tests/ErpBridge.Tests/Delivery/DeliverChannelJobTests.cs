using ErpBridge.Core.Delivery;
using ErpBridge.Delivery;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Tests.Delivery;

public sealed class DeliverChannelJobTests
{
    private readonly ManualTimeProvider clock = new(Claims.Start.AddHours(1));

    [Test]
    public async Task RunAsync_FullBatches_RunsRoundsUntilOneIsShortThenReleasesTheLease()
    {
        var store = new FakeDeliveryStore(Stock(5));

        var handled = await Job(store, batchSize: 2).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(handled, Is.EqualTo(5));
        Assert.That(store.Completions.Select(c => c.Count), Is.EqualTo(new[] { 2, 2, 1 }));
        Assert.That(store.LeaseRequests, Is.EqualTo(3), "taken once, renewed after each full round");
        Assert.That(store.Releases, Is.EqualTo(1));
    }

    [Test]
    public async Task RunAsync_LeasedByAnotherWorker_ClaimsNothing()
    {
        var store = new FakeDeliveryStore(Stock(3)) { LeasesGranted = 0 };

        var handled = await Job(store, batchSize: 2).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(handled, Is.Zero);
        Assert.That(store.Completions, Is.Empty);
        Assert.That(store.Releases, Is.Zero, "a lease it never had is not released");
    }

    [Test]
    public async Task RunAsync_LeaseLostBetweenRounds_EndsTheRun()
    {
        var store = new FakeDeliveryStore(Stock(5)) { LeasesGranted = 1 };

        var handled = await Job(store, batchSize: 2).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(handled, Is.EqualTo(2));
        Assert.That(store.Completions, Has.Count.EqualTo(1));
        Assert.That(store.Releases, Is.EqualTo(1));
    }

    private static ClaimedDelivery[] Stock(int count) =>
        Enumerable.Range(1, count).Select(i => Claims.Stock(i, $"M-{i}", 0, $"SKU-{i}@WH1")).ToArray();

    private DeliverChannelJob Job(FakeDeliveryStore store, int batchSize)
    {
        var options = new DeliveryOptions { BatchSize = batchSize, WorkerId = "test" };
        var round = DeliveryRounds.Create(store, new FakeChannelConnector(Claims.Channel), options, clock);
        return new DeliverChannelJob(store, round, options, new DeliveryWakeup(NullLogger<DeliveryWakeup>.Instance), clock, NullLogger<DeliverChannelJob>.Instance);
    }
}
