using ErpBridge.Core.Delivery;
using ErpBridge.Core.Status;
using ErpBridge.Delivery;

namespace ErpBridge.Tests.Delivery;

public sealed class RoundPlannerTests
{
    private static readonly Dictionary<string, ItemVersion> NothingDelivered = new(StringComparer.Ordinal);

    [Test]
    public void Plan_NewerMessageInTheRound_TakesTheSharedItemFromTheOlder()
    {
        var older = Read(Claims.Stock(1, "M-OLD", 0, "A@WH1", "B@WH1"));
        var newer = Read(Claims.Stock(2, "M-NEW", 5, "A@WH1"));

        var plan = new RoundPlanner(250).Plan(Claims.Channel, [older, newer], NothingDelivered);

        Assert.That(plan.Superseded, Is.Empty);
        Assert.That(older.Message.Keys, Is.EqualTo(new[] { "inv:B@WH1" }));
        Assert.That(older.Superseded, Is.EqualTo(1));
        Assert.That(newer.Message.Keys, Is.EqualTo(new[] { "inv:A@WH1" }));
        Assert.That(newer.Superseded, Is.Zero);
        Assert.That(older.Message.Document.ToString(), Does.Not.Contain("<Sku>A</Sku>"), "the item is gone from the document the map reads");
    }

    [Test]
    public void Plan_EveryItemNewerInTheRound_SettlesTheOlderAsSupersededNamingTheNewer()
    {
        var older = Read(Claims.Stock(1, "M-OLD", 0, "A@WH1"));
        var newer = Read(Claims.Stock(2, "M-NEW", 5, "A@WH1"));

        var plan = new RoundPlanner(250).Plan(Claims.Channel, [older, newer], NothingDelivered);

        var superseded = plan.Superseded.Single();
        Assert.That(superseded.MessageId, Is.EqualTo("M-OLD"));
        Assert.That(superseded.Status, Is.EqualTo(DeliveryStatus.Superseded));
        Assert.That(superseded.Attempts, Is.Zero, "a superseded delivery made no attempt");
        Assert.That(superseded.Detail, Is.EqualTo("every item was superseded by a newer message (M-NEW)"));
        Assert.That(superseded.DeliveredKeys, Is.Empty);
        Assert.That(plan.Batches.SelectMany(b => b.Deliveries).Select(d => d.Claim.MessageId), Is.EqualTo(new[] { "M-NEW" }));
    }

    [Test]
    public void Plan_SameSentAt_TheLaterArrivalWins()
    {
        var first = Read(Claims.Stock(1, "M-1", 0, "A@WH1"));
        var second = Read(Claims.Stock(2, "M-2", 0, "A@WH1"));

        var plan = new RoundPlanner(250).Plan(Claims.Channel, [second, first], NothingDelivered);

        Assert.That(plan.Superseded.Single().MessageId, Is.EqualTo("M-1"));
    }

    [Test]
    public void Plan_NewerVersionAlreadyDelivered_SupersedesTheItem()
    {
        var stale = Read(Claims.Stock(1, "M-STALE", 0, "A@WH1", "B@WH1"));
        var delivered = new Dictionary<string, ItemVersion>(StringComparer.Ordinal)
        {
            ["inv:A@WH1"] = new(Claims.Start.AddMinutes(10), Claims.Start.AddMinutes(10), "M-DONE"),
            ["inv:B@WH1"] = new(Claims.Start.AddMinutes(-10), Claims.Start.AddMinutes(-10), "M-OLDER"),
        };

        var plan = new RoundPlanner(250).Plan(Claims.Channel, [stale], delivered);

        Assert.That(plan.Superseded, Is.Empty);
        Assert.That(stale.Message.Keys, Is.EqualTo(new[] { "inv:B@WH1" }), "only the item a newer message delivered is left out");
        Assert.That(stale.Superseded, Is.EqualTo(1));
    }

    [Test]
    public void Plan_EveryItemAlreadyDeliveredNewer_SettlesTheMessageAsSuperseded()
    {
        var stale = Read(Claims.Stock(1, "M-STALE", 0, "A@WH1"));
        var delivered = new Dictionary<string, ItemVersion>(StringComparer.Ordinal)
        {
            ["inv:A@WH1"] = new(Claims.Start.AddMinutes(10), Claims.Start.AddMinutes(10), "M-DONE"),
        };

        var plan = new RoundPlanner(250).Plan(Claims.Channel, [stale], delivered);

        Assert.That(plan.Superseded.Single().Detail, Does.Contain("(M-DONE)"));
        Assert.That(plan.Batches, Is.Empty);
    }

    [Test]
    public void Plan_StoredVersionIsTheMessageItself_DoesNotSupersede()
    {
        // A resubmitted message that was delivered before carries the version the store has: it goes out again.
        var claim = Claims.Stock(1, "M-1", 0, "A@WH1");
        var delivered = new Dictionary<string, ItemVersion>(StringComparer.Ordinal) { ["inv:A@WH1"] = claim.Version };

        var plan = new RoundPlanner(250).Plan(Claims.Channel, [Read(claim)], delivered);

        Assert.That(plan.Superseded, Is.Empty);
        Assert.That(plan.Batches, Has.Count.EqualTo(1));
    }

    [Test]
    public void Plan_StockMessages_GoTogetherUpToMaxItemsPerCall()
    {
        var deliveries = new[]
        {
            Read(Claims.Stock(1, "M-1", 0, "A@WH1", "B@WH1")),
            Read(Claims.Stock(2, "M-2", 0, "C@WH1", "D@WH1")),
            Read(Claims.Stock(3, "M-3", 0, "E@WH1", "F@WH1")),
        };

        var plan = new RoundPlanner(4).Plan(Claims.Channel, deliveries, NothingDelivered);

        Assert.That(plan.Batches.Select(b => (b.Kind, string.Join(",", b.Deliveries.Select(d => d.Claim.MessageId)))), Is.EqualTo(new[]
        {
            (DeliveryBatchKind.Together, "M-1,M-2"),
            (DeliveryBatchKind.Alone, "M-3"),
        }));
    }

    [Test]
    public void Plan_MaxItemsPerCallOne_SendsEveryStockMessageAlone()
    {
        var deliveries = new[] { Read(Claims.Stock(1, "M-1", 0, "A@WH1")), Read(Claims.Stock(2, "M-2", 0, "B@WH1")) };

        var plan = new RoundPlanner(1).Plan(Claims.Channel, deliveries, NothingDelivered);

        Assert.That(plan.Batches.Select(b => b.Kind), Is.EqualTo(new[] { DeliveryBatchKind.Alone, DeliveryBatchKind.Alone }));
    }

    [Test]
    public void Plan_ProductMessages_GoAlone()
    {
        var deliveries = new[] { Read(Claims.Products(1, "P-1", 0, "A")), Read(Claims.Products(2, "P-2", 0, "B")) };

        var plan = new RoundPlanner(250).Plan(Claims.Channel, deliveries, NothingDelivered);

        Assert.That(plan.Batches.Select(b => (b.Kind, b.Deliveries.Single().Claim.MessageId)), Is.EqualTo(new[]
        {
            (DeliveryBatchKind.Alone, "P-1"),
            (DeliveryBatchKind.Alone, "P-2"),
        }));
    }

    [Test]
    public void Plan_ShipmentsOfTheSameOrder_GoInTurnInTheOrderTheyWereAccepted()
    {
        var deliveries = new[]
        {
            Read(Claims.Shipments(7, "S-LATER", "#1001")),
            Read(Claims.Shipments(3, "S-OTHER", "#2002")),
            Read(Claims.Shipments(5, "S-FIRST", "#1001")),
        };

        var plan = new RoundPlanner(250).Plan(Claims.Channel, deliveries, NothingDelivered);

        Assert.That(plan.Batches.Select(b => (b.Kind, string.Join(",", b.Deliveries.Select(d => d.Claim.MessageId)))), Is.EquivalentTo(new[]
        {
            (DeliveryBatchKind.InTurn, "S-FIRST,S-LATER"),
            (DeliveryBatchKind.Alone, "S-OTHER"),
        }));
    }

    [Test]
    public void Plan_AShipmentNamingTwoGroupsOrders_JoinsThemIntoOne()
    {
        var deliveries = new[]
        {
            Read(Claims.Shipments(1, "S-1", "#1001")),
            Read(Claims.Shipments(2, "S-2", "#2002")),
            Read(Claims.Shipments(3, "S-3", "#2002", "#1001")),
        };

        var plan = new RoundPlanner(250).Plan(Claims.Channel, deliveries, NothingDelivered);

        var batch = plan.Batches.Single();
        Assert.That(batch.Kind, Is.EqualTo(DeliveryBatchKind.InTurn));
        Assert.That(batch.Deliveries.Select(d => d.Claim.MessageId), Is.EqualTo(new[] { "S-1", "S-2", "S-3" }));
    }

    [Test]
    public void ItemKeys_AreTheDistinctKeysOfTheRound()
    {
        var deliveries = new[] { Read(Claims.Stock(1, "M-1", 0, "A@WH1", "B@WH1")), Read(Claims.Stock(2, "M-2", 0, "A@WH1")) };

        Assert.That(RoundPlanner.ItemKeys(deliveries), Is.EquivalentTo(new[] { "inv:A@WH1", "inv:B@WH1" }));
    }

    private static PlannedDelivery Read(ClaimedDelivery claim) => new(claim, Claims.Canonical(claim));
}
