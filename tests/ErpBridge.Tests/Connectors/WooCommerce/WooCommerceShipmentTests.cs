using System.Text.Json.Nodes;
using ErpBridge.Connectors;
using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Core.Delivery;
using Shipment = ErpBridge.Tests.Support.CanonicalShipment;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>
/// Shipments end to end in both ShipmentModes: canonical message → Shipments.xslt → connector → sandbox over real HTTP.
/// The requests the published wc/v3 contract covers (orders read and update) are checked against it; it has no notes
/// or fulfillments routes.
/// </summary>
[TestFixture]
public sealed class WooCommerceShipmentTests
{
    private const string ChannelName = "woo-test";
    private const string TrackingUrl = "https://www.ups.com/track?tracknum=1Z999AA10123456784";

    private WooCommerceTestStore store = null!;
    private IChannelConnector connector = null!;

    [SetUp]
    public async Task StartStore()
    {
        store = await WooCommerceTestStore.StartAsync(o => o.FulfillmentsEnabled = true);
        store.Sandbox.Seed(["SKU-1", "SKU-2"]);
        connector = new WooCommerceConnectorFactory().Create(ChannelName, store.Channel());
    }

    [TearDown]
    public async Task StopStore()
    {
        await connector.DisposeAsync();
        await store.DisposeAsync();
    }

    [Test]
    public async Task CompleteOrder_FullShipment_StoresTrackingAddsACustomerNoteAndCompletesTheOrder()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 2), ("SKU-2", 1)]);

        var outcome = await Ship(WooShipmentMode.CompleteOrder, new Shipment(ChannelName, order.Number, "80001234", "UPS", "1Z999AA10123456784", TrackingUrl, ("SKU-1", 2), ("SKU-2", 1)));

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        var after = store.Sandbox.State().Order(order.Id)!;
        Assert.That(after.Status, Is.EqualTo("completed"));
        var recorded = (JsonObject)after.MetaOf("_erpbridge_shipment_80001234")!.Value!;
        Assert.That((string?)recorded["carrier"], Is.EqualTo("UPS"));
        Assert.That((string?)recorded["tracking_number"], Is.EqualTo("1Z999AA10123456784"));
        Assert.That((string?)recorded["tracking_url"], Is.EqualTo(TrackingUrl));
        Assert.That(((JsonArray)recorded["items"]!).Select(i => ((int)i!["item_id"]!, (int)i["qty"]!)),
            Is.EqualTo(new[] { (order.Lines[0].Id, 2), (order.Lines[1].Id, 1) }));
        var note = after.Notes.Single(n => n.CustomerNote);
        Assert.That(note.Note, Does.Contain("UPS").And.Contain("1Z999AA10123456784").And.Contain(TrackingUrl).And.EndWith("ERP shipment: 80001234"));
        Assert.That(store.Sandbox.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[]
        {
            $"GET orders/{order.Id}", $"GET orders/{order.Id}/notes", $"PUT orders/{order.Id}", $"POST orders/{order.Id}/notes",
        }));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task CompleteOrder_MapDefault_IsCompleteOrder()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 1)]);

        var outcome = await Ship(mode: null, new Shipment(ChannelName, order.Number, "S-1", "DHL", "JD0001", null, ("SKU-1", 1)));

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        Assert.That(store.Sandbox.State().Order(order.Id)!.Status, Is.EqualTo("completed"));
        Assert.That(store.Sandbox.State().Order(order.Id)!.Fulfillments, Is.Empty);
    }

    [Test]
    public async Task CompleteOrder_PartialShipment_LeavesTheOrderProcessing_TheRestCompletesIt()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 3), ("SKU-2", 2)]);

        var first = await Ship(WooShipmentMode.CompleteOrder, new Shipment(ChannelName, order.Number, "S-1", "DHL", "JD0001", null, ("SKU-1", 1)));
        var afterFirst = store.Sandbox.State().Order(order.Id)!;
        var rest = await Ship(WooShipmentMode.CompleteOrder, new Shipment(ChannelName, order.Number, "S-2", "DHL", "JD0002", null, ("SKU-1", 2), ("SKU-2", 2)));
        var afterRest = store.Sandbox.State().Order(order.Id)!;

        Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), first.ToString());
        Assert.That(rest, Is.TypeOf<DeliveryOutcome.Delivered>(), rest.ToString());
        Assert.That(afterFirst.Status, Is.EqualTo("processing"));
        Assert.That(afterFirst.MetaOf("_erpbridge_shipment_S-1"), Is.Not.Null);
        Assert.That(afterRest.Status, Is.EqualTo("completed"));
        Assert.That(afterRest.Meta.Select(m => m.Key), Is.EquivalentTo(new[] { "_erpbridge_shipment_S-1", "_erpbridge_shipment_S-2" }));
        Assert.That(afterRest.Notes.Where(n => n.CustomerNote).Select(n => n.Note.Split('\n')[^1]), Is.EqualTo(new[] { "ERP shipment: S-1", "ERP shipment: S-2" }));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task CompleteOrder_TwoShipmentsOfOneOrderInOneMessage_TheSecondCompletesIt()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 1), ("SKU-2", 1)]);

        var outcome = await Ship(WooShipmentMode.CompleteOrder,
            new Shipment(ChannelName, order.Number, "S-1", "DHL", "JD0001", null, ("SKU-1", 1)),
            new Shipment(ChannelName, order.Number, "S-2", "DHL", "JD0002", null, ("SKU-2", 1)));

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        Assert.That(store.Sandbox.State().Order(order.Id)!.Status, Is.EqualTo("completed"));
    }

    [Test]
    public async Task CompleteOrder_SameShipmentIdTwice_RecordsItOnceWithOneNote()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 5)]);
        var shipment = new Shipment(ChannelName, order.Number, "80009999", "FedEx", "449044304137821", null, ("SKU-1", 2));

        var first = await Ship(WooShipmentMode.CompleteOrder, shipment);
        var writesAfterFirst = store.Sandbox.WriteRequests.Count;
        var second = await Ship(WooShipmentMode.CompleteOrder, shipment);

        Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), first.ToString());
        Assert.That(second, Is.TypeOf<DeliveryOutcome.Delivered>(), second.ToString());
        Assert.That(store.Sandbox.WriteRequests, Has.Count.EqualTo(writesAfterFirst));
        var after = store.Sandbox.State().Order(order.Id)!;
        Assert.That(after.Meta.Count(m => m.Key == "_erpbridge_shipment_80009999"), Is.EqualTo(1));
        Assert.That(after.Notes.Count(n => n.CustomerNote), Is.EqualTo(1));
        Assert.That(after.Status, Is.EqualTo("processing"));
    }

    [Test]
    public async Task CompleteOrder_NoteMissingAfterTheOrderWasUpdated_RetrySendsTheNoteAlone()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 1)]);
        var plan = WooCommerceShipmentMessages.Plan(ChannelName, WooShipmentMode.CompleteOrder, "SHP-1",
            new Shipment(ChannelName, order.Number, "S-1", "UPS", "1Z1", null, ("SKU-1", 1)));
        Assert.That(plan.Calls.Select(c => c.Id), Is.EqualTo(new[] { "record-shipment-1", "note-shipment-1" }));

        // The attempt that updated the order but failed before its note: only the first call went through.
        var first = await connector.ExecuteAsync(new ErpBridge.Mapping.Plans.RequestPlan([plan.Calls[0]]), CancellationToken.None);
        store.Sandbox.ClearRequests();
        var retry = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), first.ToString());
        Assert.That(retry, Is.TypeOf<DeliveryOutcome.Delivered>(), retry.ToString());
        Assert.That(store.Sandbox.WriteRequests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[] { $"POST orders/{order.Id}/notes" }));
        var after = store.Sandbox.State().Order(order.Id)!;
        Assert.That(after.Status, Is.EqualTo("completed"));
        Assert.That(after.Notes.Count(n => n.CustomerNote), Is.EqualTo(1));
    }

    [Test]
    public async Task StoreUnavailable_IsTransientWithItsRetryAfter()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 1)]);
        store.Sandbox.FailNext(1, 503, TimeSpan.FromSeconds(30));

        var outcome = await Ship(WooShipmentMode.CompleteOrder, new Shipment(ChannelName, order.Number, "S-1", "UPS", "1Z1", null, ("SKU-1", 1)));

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(((DeliveryOutcome.TransientFailure)outcome).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(store.Sandbox.WriteRequests.Where(r => r.Status < 300), Is.Empty);
    }

    [Test]
    public async Task Fulfillments_FullShipment_CreatesOneFulfillmentWithItemsAndTracking()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 2), ("SKU-2", 1)]);

        var outcome = await Ship(WooShipmentMode.Fulfillments, new Shipment(ChannelName, order.Number, "80001234", "UPS", "1Z999AA10123456784", TrackingUrl, ("SKU-1", 2), ("SKU-2", 1)));

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        var fulfillment = store.Sandbox.State().Order(order.Id)!.Fulfillments.Single();
        Assert.That(((DeliveryOutcome.Delivered)outcome).PlatformIds["fulfillment:fulfillment-1"], Is.EqualTo(fulfillment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(fulfillment.Items, Is.EqualTo(new[] { (order.Lines[0].Id, 2), (order.Lines[1].Id, 1) }));
        Assert.That(fulfillment.MetaText("_tracking_number"), Is.EqualTo("1Z999AA10123456784"));
        Assert.That(fulfillment.MetaText("_shipment_provider"), Is.EqualTo("ups"));
        Assert.That(fulfillment.MetaText("_tracking_url"), Is.EqualTo(TrackingUrl));
        Assert.That(fulfillment.MetaText("_erpbridge_shipment_id"), Is.EqualTo("80001234"));
        Assert.That(fulfillment.IsFulfilled, Is.True);
        Assert.That(store.Sandbox.Requests.Select(r => $"{r.Method} {r.Path}{r.Query}"), Is.EqualTo(new[]
        {
            $"GET orders/{order.Id}", $"GET orders/{order.Id}/fulfillments", $"POST orders/{order.Id}/fulfillments?notify_customer=true",
        }));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task Fulfillments_PartialShipment_ThenTheRest_FulfillEachPartOnce()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 3), ("SKU-2", 2)]);

        var first = await Ship(WooShipmentMode.Fulfillments, new Shipment(ChannelName, order.Number, "S-1", "DHL", "JD0001", null, ("SKU-1", 1)));
        var rest = await Ship(WooShipmentMode.Fulfillments, new Shipment(ChannelName, order.Number, "S-2", "DHL", "JD0002", null, ("SKU-1", 2), ("SKU-2", 2)));

        Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), first.ToString());
        Assert.That(rest, Is.TypeOf<DeliveryOutcome.Delivered>(), rest.ToString());
        var fulfillments = store.Sandbox.State().Order(order.Id)!.Fulfillments;
        Assert.That(fulfillments.Select(f => f.MetaText("_erpbridge_shipment_id")), Is.EqualTo(new[] { "S-1", "S-2" }));
        Assert.That(fulfillments.Select(f => f.Items), Is.EqualTo(new[]
        {
            new[] { (order.Lines[0].Id, 1) },
            new[] { (order.Lines[0].Id, 2), (order.Lines[1].Id, 2) },
        }));
        Assert.That(fulfillments[0].MetaText("_tracking_url"), Is.Null);
    }

    [Test]
    public async Task Fulfillments_SameShipmentIdTwice_CreatesOneFulfillment()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 5)]);
        var shipment = new Shipment(ChannelName, order.Number, "80009999", "FedEx", "449044304137821", null, ("SKU-1", 2));

        var first = await Ship(WooShipmentMode.Fulfillments, shipment);
        var second = await Ship(WooShipmentMode.Fulfillments, shipment);

        Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), first.ToString());
        Assert.That(second, Is.TypeOf<DeliveryOutcome.Delivered>(), second.ToString());
        Assert.That(store.Sandbox.State().Order(order.Id)!.Fulfillments, Has.Count.EqualTo(1));
        Assert.That(store.Sandbox.WriteRequests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Fulfillments_OnAStoreWithoutTheFeature_FailsPermanentlyNamingTheSetting()
    {
        await using var plain = await WooCommerceTestStore.StartAsync();
        plain.Sandbox.Seed(["SKU-1"]);
        var order = plain.Sandbox.SeedOrder([("SKU-1", 1)]);
        await using var plainConnector = new WooCommerceConnectorFactory().Create(ChannelName, plain.Channel());

        var outcome = await plainConnector.ExecuteAsync(WooCommerceShipmentMessages.Plan(ChannelName, WooShipmentMode.Fulfillments, "SHP-1",
            new Shipment(ChannelName, order.Number, "S-1", "UPS", "1Z1", null, ("SKU-1", 1))), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("ShipmentMode").And.Contain("rest_no_route").And.Contain("CompleteOrder"));
        Assert.That(plain.Sandbox.WriteRequests, Is.Empty);
    }

    [TestCase(WooShipmentMode.CompleteOrder)]
    [TestCase(WooShipmentMode.Fulfillments)]
    public async Task UnknownOrder_FailsPermanentlyNamingIt(string mode)
    {
        var outcome = await Ship(mode, new Shipment(ChannelName, "99999", "S-1", "UPS", "1Z1", null, ("SKU-1", 1)));

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("order '99999' was not found on channel 'woo-test'"));
        Assert.That(store.Sandbox.WriteRequests, Is.Empty);
    }

    [Test]
    public async Task OrderNumberThatIsNotAnId_FailsPermanentlyWithoutALookUp()
    {
        var outcome = await Ship(WooShipmentMode.CompleteOrder, new Shipment(ChannelName, "#5001", "S-1", "UPS", "1Z1", null, ("SKU-1", 1)));

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("order '#5001'"));
        Assert.That(store.Sandbox.Requests, Is.Empty);
    }

    [TestCase(WooShipmentMode.CompleteOrder)]
    [TestCase(WooShipmentMode.Fulfillments)]
    public async Task SkuNotInTheOrder_FailsPermanentlyNamingOrderAndSku(string mode)
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 1)]);

        var outcome = await Ship(mode, new Shipment(ChannelName, order.Number, "S-1", "UPS", "1Z1", null, ("SKU-2", 1)));

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain($"order '{order.Number}' has no line with SKU 'SKU-2'"));
        Assert.That(store.Sandbox.WriteRequests, Is.Empty);
    }

    [Test]
    public async Task ShipmentsForOtherChannels_AreLeftOut()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 1)]);

        var outcome = await Ship(WooShipmentMode.CompleteOrder, new Shipment("another-shop", order.Number, "S-1", "UPS", "1Z1", null, ("SKU-1", 1)));

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>());
        Assert.That(store.Sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task DryRun_ResolvesOrderAndLineIds_AndSendsNothing()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 1), ("SKU-2", 1)]);
        var plan = WooCommerceShipmentMessages.Plan(ChannelName, WooShipmentMode.CompleteOrder, "SHP-1",
            new Shipment(ChannelName, order.Number, "S-1", "UPS", "1Z1", null, ("SKU-1", 1), ("SKU-2", 1)));

        var prepared = await connector.PrepareAsync(plan, CancellationToken.None);

        Assert.That(prepared.Select(p => (p.Method, p.Url.AbsolutePath, p.SkipReason)), Is.EqualTo(new[]
        {
            ("PUT", $"/wp-json/wc/v3/orders/{order.Id}", (string?)null),
            ("POST", $"/wp-json/wc/v3/orders/{order.Id}/notes", null),
        }));
        var body = System.Text.Json.JsonDocument.Parse(prepared[0].JsonBody!).RootElement;
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(body.GetProperty("meta_data")[0].GetProperty("value").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item_id").GetInt32()),
            Is.EqualTo(order.Lines.Select(l => l.Id)));
        Assert.That(prepared[0].Url.Query, Does.Contain("oauth_signature=%2A%2A%2A"));
        Assert.That(store.Sandbox.WriteRequests, Is.Empty);
    }

    [TestCase(null, WooShipmentMode.CompleteOrder)]
    [TestCase("", WooShipmentMode.CompleteOrder)]
    [TestCase("fulfillments", WooShipmentMode.Fulfillments)]
    [TestCase(" CompleteOrder ", WooShipmentMode.CompleteOrder)]
    public void ShipmentModeSetting_BecomesTheMapParameter(string? setting, string expected) =>
        Assert.That(WooShipmentMode.MapParameters(setting, ChannelName)[WooShipmentMode.ParameterName], Is.EqualTo(expected));

    [Test]
    public void UnknownShipmentModeSetting_IsAConfigurationErrorNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => WooShipmentMode.Normalize("Tracking", ChannelName));

        Assert.That(error!.Message, Does.Contain("ShipmentMode 'Tracking'").And.Contain(ChannelName));
    }

    private Task<DeliveryOutcome> Ship(string? mode, params Shipment[] shipments) =>
        connector.ExecuteAsync(WooCommerceShipmentMessages.Plan(ChannelName, mode, "SHP-1", shipments), CancellationToken.None);

    private void AssertRequestsMatchContract()
    {
        WooCommerceContract.Validate("GET", "orders", null);
        var covered = store.Sandbox.Requests.Where(r => !WooCommerceContractGaps.IsUncoveredShipmentRoute(r.Path)).ToList();
        Assert.That(covered, Is.Not.Empty);
        foreach (var request in covered)
        {
            Assert.That(WooCommerceContract.Validate(request.Method, request.Path + request.Query, request.Body), Is.Empty, $"{request.Method} {request.Path}");
        }
    }
}
