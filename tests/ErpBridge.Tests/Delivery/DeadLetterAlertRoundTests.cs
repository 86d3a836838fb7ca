using ErpBridge.Core.Messages;
using ErpBridge.Delivery;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Delivery;

/// <summary>Issue 17: a delivery round reports the dead letters it recorded, and nothing else, to the alert sink.</summary>
public sealed class DeadLetterAlertRoundTests
{
    private readonly ManualTimeProvider clock = new(Claims.Start.AddHours(1));

    [Test]
    public async Task RunAsync_ReportsTheMessagesItDeadLettered_AfterRecordingThem()
    {
        var store = new FakeDeliveryStore(
        [
            Claims.Stock(1, "GOOD", 0, "A@WH1"),
            Claims.Claim(2, "BAD-1", MessageType.Inventory, 0, "<not xml"),
            Claims.Claim(3, "BAD-2", MessageType.Inventory, 0, "<not xml either"),
        ]);
        var sink = new RecordingAlertSink();

        await Round(store, sink).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(store.Completions, Has.Count.EqualTo(1), "recorded before it is reported");
        var reported = sink.DeadLetters.Where(d => d.MessageIds.Count > 0).ToList();
        Assert.That(reported.Select(d => d.Channel), Is.EqualTo(new[] { Claims.Channel }));
        Assert.That(reported.Single().MessageIds, Is.EquivalentTo(new[] { "BAD-1", "BAD-2" }));
    }

    [Test]
    public async Task RunAsync_EverythingDelivered_ReportsNoDeadLetter()
    {
        var store = new FakeDeliveryStore([Claims.Stock(1, "GOOD", 0, "A@WH1")]);
        var sink = new RecordingAlertSink();

        await Round(store, sink).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(sink.DeadLetters.SelectMany(d => d.MessageIds), Is.Empty);
    }

    private DeliveryRound Round(FakeDeliveryStore store, RecordingAlertSink sink) =>
        DeliveryRounds.Create(store, new FakeChannelConnector(Claims.Channel), new DeliveryOptions { BatchSize = 10 }, clock, alerts: sink);
}
