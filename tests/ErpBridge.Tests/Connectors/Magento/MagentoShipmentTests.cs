using ErpBridge.Core.Delivery;
using ErpBridge.Sandboxes.Magento;
using Shipment = ErpBridge.Tests.Connectors.Magento.MagentoPlans.ShipmentData;

namespace ErpBridge.Tests.Connectors.Magento;

/// <summary>
/// Shipments through the Shipments map and the connector against the sandbox over real HTTP: orders found by their
/// increment id, lines by SKU, partial shipments, unknown orders, and the same ShipmentId sent twice. Every request
/// sent is checked against the published contract.
/// </summary>
[TestFixture]
public sealed class MagentoShipmentTests
{
    private MagentoTestStore store = null!;

    [SetUp]
    public async Task StartStore() => store = await MagentoTestStore.StartAsync();

    [TearDown]
    public async Task StopStore() => await store.DisposeAsync();

    [Test]
    public async Task FullShipment_ShipsEveryLineWithItsTrackAndCompletesTheOrder()
    {
        var order = store.Sandbox.SeedOrder("000000042", [("SKU-1", 2), ("SKU-2", 1)]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(MagentoPlans.Shipments("SHP-1",
            new Shipment("000000042", "8000001", "DHL", "JJD0001", "https://track.example/JJD0001", ("SKU-1", 2), ("SKU-2", 1))), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        var state = store.Sandbox.State();
        var shipment = state.ShipmentsOf("000000042").Single();
        Assert.That(((DeliveryOutcome.Delivered)outcome).PlatformIds["shipment:8000001"], Is.EqualTo(shipment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(shipment.Items, Is.EqualTo(new[] { new MagentoShipmentItem(order.Items[0].ItemId, "SKU-1", 2), new MagentoShipmentItem(order.Items[1].ItemId, "SKU-2", 1) }));
        Assert.That(shipment.Tracks, Is.EqualTo(new[] { new MagentoTrack("JJD0001", "DHL", "dhl") }));
        Assert.That(shipment.Comment, Is.EqualTo("ERP shipment 8000001; tracking: https://track.example/JJD0001"));
        Assert.That(state.OrderByNumber("000000042")!.State, Is.EqualTo("complete"));
        Assert.That(store.Sandbox.Requests.Select(r => $"{r.Method} {r.Path}"),
            Is.EqualTo(new[] { "GET V1/orders", "GET V1/shipments", $"POST V1/order/{order.Id}/ship" }));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task PartialShipment_ThenTheRest_LeavesTwoShipmentsAndEverythingShipped()
    {
        store.Sandbox.SeedOrder("000000050", [("SKU-1", 3), ("SKU-2", 2)]);
        await using var connector = MagentoTestStore.Connect("mage", store.BearerChannel());

        var first = await connector.ExecuteAsync(MagentoPlans.Shipments("SHP-1",
            new Shipment("000000050", "8000010", "UPS", "1Z001", null, ("SKU-1", 1))), CancellationToken.None);
        var afterFirst = store.Sandbox.State().OrderByNumber("000000050")!;
        var rest = await connector.ExecuteAsync(MagentoPlans.Shipments("SHP-2",
            new Shipment("000000050", "8000011", "Hermes", "H002", null, ("SKU-1", 2), ("SKU-2", 2))), CancellationToken.None);

        Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(first));
        Assert.That(rest, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(rest));
        Assert.That(afterFirst.State, Is.EqualTo("processing"));
        Assert.That(afterFirst.Items.Select(i => i.QtyShipped), Is.EqualTo(new[] { 1m, 0m }));
        var state = store.Sandbox.State();
        Assert.That(state.OrderByNumber("000000050")!.Items.Select(i => i.QtyShipped), Is.EqualTo(new[] { 3m, 2m }));
        Assert.That(state.OrderByNumber("000000050")!.State, Is.EqualTo("complete"));
        Assert.That(state.ShipmentsOf("000000050").Select(s => s.Tracks.Single().CarrierCode), Is.EqualTo(new[] { "ups", "custom" }));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task MoreThanIsLeftToShip_IsPermanentWithMagentosMessageFilledIn()
    {
        store.Sandbox.SeedOrder("000000051", [("SKU-1", 1)]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(MagentoPlans.Shipments("SHP-1",
            new Shipment("000000051", "8000020", "DHL", "JJD0020", null, ("SKU-1", 2))), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), Describe(outcome));
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("\"SKU-1\": 2 requested, 1 left to ship").And.Not.Contain("%1"));
        Assert.That(store.Sandbox.State().Shipments, Is.Empty);
    }

    [Test]
    public async Task UnknownOrder_IsPermanentNamingTheOrderAndShipsNothing()
    {
        store.Sandbox.SeedOrder("000000042", [("SKU-1", 1)]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(MagentoPlans.Shipments("SHP-1",
            new Shipment("000000999", "8000030", "DHL", "JJD0030", null, ("SKU-1", 1))), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), Describe(outcome));
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("order '000000999' was not found on channel 'mage'"));
        Assert.That(store.Sandbox.WriteRequests, Is.Empty);
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task SkuNotOnTheOrder_IsPermanentNamingOrderAndSku()
    {
        store.Sandbox.SeedOrder("000000042", [("SKU-1", 1)]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(MagentoPlans.Shipments("SHP-1",
            new Shipment("000000042", "8000031", "DHL", "JJD0031", null, ("SKU-9", 1))), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), Describe(outcome));
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("order '000000042' has no line with SKU 'SKU-9'"));
        Assert.That(store.Sandbox.WriteRequests, Is.Empty);
    }

    [Test]
    public async Task SameShipmentIdTwice_CreatesOneShipment()
    {
        store.Sandbox.SeedOrder("000000060", [("SKU-1", 5)]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());
        var plan = MagentoPlans.Shipments("SHP-1", new Shipment("000000060", "8000040", "DHL", "JJD0040", null, ("SKU-1", 2)));

        var first = await connector.ExecuteAsync(plan, CancellationToken.None);
        var again = await connector.ExecuteAsync(MagentoPlans.Shipments("SHP-1-resent", new Shipment("000000060", "8000040", "DHL", "JJD0040", null, ("SKU-1", 2))), CancellationToken.None);

        Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(first));
        Assert.That(again, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(again));
        Assert.That(((DeliveryOutcome.Delivered)again).Detail, Does.StartWith("0 of 1 call(s) sent"));
        var state = store.Sandbox.State();
        Assert.That(state.ShipmentsOf("000000060"), Has.Count.EqualTo(1));
        Assert.That(state.OrderByNumber("000000060")!.Items.Single().QtyShipped, Is.EqualTo(2));
        Assert.That(store.Sandbox.WriteRequests, Has.Count.EqualTo(1));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task ShipmentsOfSeveralOrders_ResolveWithOneOrderSearchAndOneShipmentSearch()
    {
        store.Sandbox.SeedOrder("000000070", [("SKU-1", 1)]);
        store.Sandbox.SeedOrder("000000071", [("SKU-2", 1)]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(MagentoPlans.Shipments("SHP-1",
            new Shipment("000000070", "8000050", "DHL", "JJD0050", null, ("SKU-1", 1)),
            new Shipment("000000071", "8000051", "FedEx", "FX0051", null, ("SKU-2", 1)),
            new Shipment("000000070", "8000052", "DHL", "JJD0052", null, ("SKU-1", 1)) { Channel = "shopify-eu" }), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        Assert.That(store.Sandbox.Requests.Count(r => r.Method == "GET"), Is.EqualTo(2));
        Assert.That(store.Sandbox.State().Shipments.Select(s => s.Tracks.Single().CarrierCode), Is.EqualTo(new[] { "dhl", "fedex" }));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task DryRun_FillsOrderAndItemIdsAndSaysWhenTheShipmentExistsAlready()
    {
        var order = store.Sandbox.SeedOrder("000000090", [("SKU-1", 2)]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());
        var plan = MagentoPlans.Shipments("SHP-1", new Shipment("000000090", "8000070", "DHL", "JJD0070", null, ("SKU-1", 1)));

        var before = (await connector.PrepareAsync(plan, CancellationToken.None)).Single();
        await connector.ExecuteAsync(plan, CancellationToken.None);
        var after = (await connector.PrepareAsync(plan, CancellationToken.None)).Single();

        Assert.That(before.SkipReason, Is.Null);
        Assert.That(before.Url.AbsolutePath, Does.EndWith($"/rest/default/V1/order/{order.Id}/ship"));
        Assert.That(before.JsonBody, Does.Contain($"\"order_item_id\":{order.Items[0].ItemId}"));
        Assert.That(after.SkipReason, Does.Contain("shipment").And.Contain("found"));
        Assert.That(store.Sandbox.State().Shipments, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ServerErrorWhileLookingUpOrders_IsTransient()
    {
        store.Sandbox.SeedOrder("000000080", [("SKU-1", 1)]);
        store.Sandbox.FailNext(1, 503, TimeSpan.FromSeconds(7));
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(MagentoPlans.Shipments("SHP-1",
            new Shipment("000000080", "8000060", "DHL", "JJD0060", null, ("SKU-1", 1))), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>(), Describe(outcome));
        Assert.That(((DeliveryOutcome.TransientFailure)outcome).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(store.Sandbox.State().Shipments, Is.Empty);
    }

    private void AssertRequestsMatchContract()
    {
        var problems = store.Sandbox.Requests.SelectMany(r => MagentoContract.Validate(r.Method, r.Path + r.Query, r.Body)).ToList();
        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    private static string Describe(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.TransientFailure t => "transient: " + t.Reason,
        DeliveryOutcome.PermanentFailure p => "permanent: " + p.Reason,
        _ => outcome.ToString(),
    };
}
