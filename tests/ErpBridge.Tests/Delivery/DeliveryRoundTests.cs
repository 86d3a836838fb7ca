using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Delivery;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Delivery;

public sealed class DeliveryRoundTests
{
    private readonly ManualTimeProvider clock = new(Claims.Start.AddHours(1));

    [Test]
    public async Task RunAsync_RecordsEveryOutcomeOfTheRoundInOneCompletion()
    {
        var store = new FakeDeliveryStore(
        [
            Claims.Stock(1, "M-OLD", 0, "A@WH1"),
            Claims.Stock(2, "M-NEW", 5, "A@WH1", "B@WH1"),
            Claims.Products(3, "P-1", 0, "P"),
            Claims.Claim(4, "BAD", MessageType.Inventory, 0, "<not xml"),
        ]);
        var connector = new FakeChannelConnector(Claims.Channel);

        var claimed = await Round(store, connector).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(claimed, Is.EqualTo(4));
        Assert.That(store.VersionQueries.Single(), Is.EquivalentTo(new[] { "inv:A@WH1", "inv:B@WH1", "prod:P" }));
        var outcomes = store.Completions.Single().ToDictionary(r => r.MessageId, r => r.Status);
        Assert.That(outcomes, Is.EquivalentTo(new Dictionary<string, DeliveryStatus>
        {
            ["M-OLD"] = DeliveryStatus.Superseded,
            ["M-NEW"] = DeliveryStatus.Delivered,
            ["P-1"] = DeliveryStatus.Delivered,
            ["BAD"] = DeliveryStatus.Failed,
        }));
        Assert.That(store.Completions.Single().Single(r => r.MessageId == "BAD").LastError, Does.StartWith("inbound mapping failed: the stored payload does not parse"));
        Assert.That(connector.Executed, Has.Count.EqualTo(2), "the superseded and the unreadable message are not sent");
    }

    [Test]
    public async Task RunAsync_AClaimBeyondTheBatchSize_WaitsForTheNextRound()
    {
        var store = new FakeDeliveryStore([Claims.Stock(1, "M-1", 0, "A@WH1"), Claims.Stock(2, "M-2", 0, "B@WH1")]);
        var round = Round(store, new FakeChannelConnector(Claims.Channel), batchSize: 1);

        Assert.That(await round.RunAsync(Claims.Channel, CancellationToken.None), Is.EqualTo(1));
        Assert.That(await round.RunAsync(Claims.Channel, CancellationToken.None), Is.EqualTo(1));
        Assert.That(await round.RunAsync(Claims.Channel, CancellationToken.None), Is.Zero);
        Assert.That(store.Completions.Select(c => c.Single().MessageId), Is.EqualTo(new[] { "M-1", "M-2" }), "an empty round records nothing");
    }

    private DeliveryRound Round(FakeDeliveryStore store, FakeChannelConnector connector, int batchSize = 200) =>
        DeliveryRounds.Create(store, connector, new DeliveryOptions { BatchSize = batchSize, WorkerId = "test" }, clock);
}
