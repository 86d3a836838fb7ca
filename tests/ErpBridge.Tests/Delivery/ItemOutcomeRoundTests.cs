using ErpBridge.Core.Delivery;
using ErpBridge.Core.Status;
using ErpBridge.Delivery;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Delivery;

/// <summary>
/// A round with failures per item: locations the channel does not take are left out before mapping and recorded as
/// skipped; items the connector could not take fail alone, each under its own message when stock messages went out
/// together; a resubmit of failed items sends only those.
/// </summary>
public sealed class ItemOutcomeRoundTests
{
    private readonly ManualTimeProvider clock = new(Claims.Start.AddHours(1));

    [Test]
    public async Task ALocationTheChannelDoesNotTake_IsLeftOutBeforeMapping_AndRecordedAsSkipped()
    {
        var store = new FakeDeliveryStore([Claims.Stock(1, "M-1", 0, "A@WH1", "B@WH2", "C@WH3"), Claims.Stock(2, "M-2", 0, "D@WH2")]);
        var connector = new FakeChannelConnector(Claims.Channel) { Declines = l => l == "WH1" ? null : $"{l} is not for this channel" };

        await Round(store, connector).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(connector.Executed.Select(FakeMessageMaps.SkusOf), Is.EqualTo(new[] { "A" }), "only the WH1 level is mapped and sent");
        var results = store.Completions.Single().ToDictionary(r => r.MessageId);
        Assert.That(results["M-1"].Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(results["M-1"].DeliveredKeys, Is.EqualTo(new[] { "inv:A@WH1" }));
        Assert.That(results["M-1"].Items!.Select(i => (i.Key, i.State, i.Reason)), Is.EqualTo(new[]
        {
            ("inv:B@WH2", ItemState.Skipped, "WH2 is not for this channel"),
            ("inv:C@WH3", ItemState.Skipped, "WH3 is not for this channel"),
        }));
        Assert.That(results["M-1"].Detail, Does.Contain("2 items skipped"));
        Assert.That((results["M-2"].Status, results["M-2"].DeliveredKeys.Count, results["M-2"].Items!.Single().State), Is.EqualTo((DeliveryStatus.Delivered, 0, ItemState.Skipped)), "nothing for the channel, nothing failed");
        Assert.That(results["M-2"].Detail, Does.StartWith("delivered: nothing for this channel, 1 item skipped"));
    }

    [Test]
    public async Task ItemsTheConnectorCouldNotTake_FailAloneUnderTheirOwnMessage_WhenStockWentOutTogether()
    {
        var store = new FakeDeliveryStore(
        [
            Claims.Stock(1, "M-1", 0, "A@WH1"),
            Claims.Stock(2, "M-2", 0, "B@WH1", "GHOST@WH1"),
            Claims.Stock(3, "M-3", 0, "NOBODY@WH1"),
        ]);
        var connector = new FakeChannelConnector(Claims.Channel, _ => new DeliveryOutcome.Delivered(
            new Dictionary<string, string>(),
            "1 of 1 call(s) sent",
            [ItemOutcome.Failed("inv:GHOST@WH1", "SKU 'GHOST' is not on channel 'shop'"), ItemOutcome.Failed("inv:NOBODY@WH1", "SKU 'NOBODY' is not on channel 'shop'")]));

        await Round(store, connector).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(connector.Executed, Has.Count.EqualTo(1), "the three stock messages went out together");
        var results = store.Completions.Single().ToDictionary(r => r.MessageId);
        Assert.That((results["M-1"].Status, results["M-1"].Items), Is.EqualTo((DeliveryStatus.Delivered, (IReadOnlyList<ItemOutcome>?)null)));
        Assert.That(results["M-2"].Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(results["M-2"].DeliveredKeys, Is.EqualTo(new[] { "inv:B@WH1" }), "a failed item is not recorded as delivered");
        Assert.That(results["M-2"].Items!.Single(), Is.EqualTo(ItemOutcome.Failed("inv:GHOST@WH1", "SKU 'GHOST' is not on channel 'shop'")));
        Assert.That(results["M-2"].Detail, Does.Contain("1 item failed").And.Contain("GHOST"));
        Assert.That(results["M-3"].Status, Is.EqualTo(DeliveryStatus.Failed), "nothing of it was delivered");
        Assert.That(results["M-3"].LastError, Is.EqualTo("every item failed: inv:NOBODY@WH1: SKU 'NOBODY' is not on channel 'shop'"));
    }

    [Test]
    public async Task AResubmitOfFailedItems_SendsOnlyThose_AndStaysDeliveredWhenTheyFailAgain()
    {
        var store = new FakeDeliveryStore([Claims.Stock(1, "M-1", 0, "A@WH1", "GHOST@WH1", "B@WH1")]);
        store.Resent[1] = new HashSet<string>(["inv:GHOST@WH1"], StringComparer.Ordinal);
        var connector = new FakeChannelConnector(Claims.Channel, _ => new DeliveryOutcome.Delivered(
            new Dictionary<string, string>(), null, [ItemOutcome.Failed("inv:GHOST@WH1", "still unknown")]));

        await Round(store, connector).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(connector.Executed.Select(FakeMessageMaps.SkusOf), Is.EqualTo(new[] { "GHOST" }));
        var result = store.Completions.Single().Single();
        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.Delivered), "the rest of its message was delivered before");
        Assert.That(result.Items!.Single().Reason, Is.EqualTo("still unknown"));
    }

    [Test]
    public async Task AResubmittedItemANewerMessageDeliveredSince_IsNotSent()
    {
        var store = new FakeDeliveryStore(
            [Claims.Stock(1, "M-OLD", 0, "A@WH1", "GHOST@WH1")],
            new Dictionary<string, ItemVersion> { ["inv:GHOST@WH1"] = new(Claims.Start.AddMinutes(10), Claims.Start.AddMinutes(10), "M-NEW") });
        store.Resent[1] = new HashSet<string>(["inv:GHOST@WH1"], StringComparer.Ordinal);
        var connector = new FakeChannelConnector(Claims.Channel);

        await Round(store, connector).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(connector.Executed, Is.Empty);
        var result = store.Completions.Single().Single();
        Assert.That((result.Status, result.Detail), Is.EqualTo((DeliveryStatus.Delivered, "delivered: the resubmitted item(s) were superseded by a newer message (M-NEW) and not sent")));
    }

    private DeliveryRound Round(FakeDeliveryStore store, FakeChannelConnector connector) =>
        DeliveryRounds.Create(store, connector, new DeliveryOptions { WorkerId = "test" }, clock);
}
