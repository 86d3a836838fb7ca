using System.Net;
using System.Text.Json;
using ErpBridge.Connectors;
using ErpBridge.Connectors.BigCommerce;
using ErpBridge.Core.Delivery;
using Shipment = ErpBridge.Tests.Support.CanonicalShipment;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>
/// Shipments end to end: canonical message → Shipments.xslt → connector → sandbox over real HTTP. Every request the
/// connector sent is checked against the published v2 orders contract.
/// </summary>
[TestFixture]
public sealed class BigCommerceShipmentTests
{
    private const string ChannelName = "bc-test";

    private BigCommerceTestStore store = null!;
    private IChannelConnector connector = null!;

    [SetUp]
    public async Task StartStore()
    {
        store = await BigCommerceTestStore.StartAsync();
        connector = new BigCommerceConnectorFactory().Create(ChannelName, store.Channel());
    }

    [TearDown]
    public async Task StopStore()
    {
        await connector.DisposeAsync();
        await store.DisposeAsync();
    }

    [Test]
    public async Task FullShipment_CreatesOneShipmentWithTrackingAndShipsEveryLine()
    {
        var seeded = store.Sandbox.SeedOrder(1001, [("SKU-1", 2), ("SKU-2", 1)]);
        var plan = BigCommerceShipmentMessages.Plan(ChannelName, "SHP-1",
            new Shipment(ChannelName, "1001", "80001234", "UPS", "1Z999AA10123456784", "https://www.ups.com/track?tracknum=1Z999AA10123456784", ("SKU-1", 2), ("SKU-2", 1)));

        var outcome = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        var order = store.Sandbox.State().Order(1001)!;
        var shipment = order.Shipments.Single();
        Assert.That(((DeliveryOutcome.Delivered)outcome).PlatformIds["shipment:shipment-1"], Is.EqualTo(shipment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(shipment.TrackingNumber, Is.EqualTo("1Z999AA10123456784"));
        Assert.That(shipment.TrackingCarrier, Is.EqualTo("ups"));
        Assert.That(shipment.TrackingLink, Is.EqualTo("https://www.ups.com/track?tracknum=1Z999AA10123456784"));
        Assert.That(shipment.Comments, Is.EqualTo("ERP shipment: 80001234"));
        Assert.That(shipment.OrderAddressId, Is.EqualTo(seeded.ShippingAddresses[0].Id));
        Assert.That(shipment.Items.Select(i => (i.OrderProductId, i.Quantity)),
            Is.EqualTo(new[] { (seeded.ProductBySku("SKU-1")!.Id, 2), (seeded.ProductBySku("SKU-2")!.Id, 1) }));
        Assert.That(order.Products.Select(p => p.QuantityShipped), Is.EqualTo(new[] { 2, 1 }));
        Assert.That(order.Status, Is.EqualTo("Shipped"));
        Assert.That(store.Sandbox.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[]
        {
            "GET v2/orders/1001", "GET v2/orders/1001/products", "GET v2/orders/1001/shipping_addresses",
            "GET v2/orders/1001/shipments", "POST v2/orders/1001/shipments",
        }));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task PartialShipment_ThenTheRest_ShipsEachPartOnce()
    {
        store.Sandbox.SeedOrder(1002, [("SKU-1", 3), ("SKU-2", 2)]);

        var first = await connector.ExecuteAsync(BigCommerceShipmentMessages.Plan(ChannelName, "SHP-1",
            new Shipment(ChannelName, "1002", "S-1", "DHL", "JD0001", null, ("SKU-1", 1))), CancellationToken.None);
        var afterFirst = store.Sandbox.State().Order(1002)!;
        var rest = await connector.ExecuteAsync(BigCommerceShipmentMessages.Plan(ChannelName, "SHP-2",
            new Shipment(ChannelName, "1002", "S-2", "DHL", "JD0002", null, ("SKU-1", 2), ("SKU-2", 2))), CancellationToken.None);

        Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), first.ToString());
        Assert.That(rest, Is.TypeOf<DeliveryOutcome.Delivered>(), rest.ToString());
        Assert.That(afterFirst.Status, Is.EqualTo("Partially Shipped"));
        Assert.That(afterFirst.Products.Select(p => p.QuantityShipped), Is.EqualTo(new[] { 1, 0 }));
        var order = store.Sandbox.State().Order(1002)!;
        Assert.That(order.Shipments.Select(s => (s.TrackingNumber, s.Items.Sum(i => i.Quantity))), Is.EqualTo(new[] { ("JD0001", 1), ("JD0002", 4) }));
        Assert.That(order.Shipments[0].TrackingLink, Is.Empty, "no TrackingUrl, no tracking_link");
        Assert.That(order.Products.Select(p => p.QuantityShipped), Is.EqualTo(new[] { 3, 2 }));
        Assert.That(order.Status, Is.EqualTo("Shipped"));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task SameShipmentIdTwice_CreatesOneShipment()
    {
        store.Sandbox.SeedOrder(1003, [("SKU-1", 5)]);
        var plan = BigCommerceShipmentMessages.Plan(ChannelName, "SHP-1",
            new Shipment(ChannelName, "1003", "80009999", "FedEx", "449044304137821", null, ("SKU-1", 2)));

        var first = await connector.ExecuteAsync(plan, CancellationToken.None);
        var second = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), first.ToString());
        Assert.That(second, Is.TypeOf<DeliveryOutcome.Delivered>(), second.ToString());
        Assert.That(((DeliveryOutcome.Delivered)second).Detail, Does.StartWith("0 of 1 call(s) sent"));
        var order = store.Sandbox.State().Order(1003)!;
        Assert.That(order.Shipments, Has.Count.EqualTo(1));
        Assert.That(order.Products.Single().QuantityShipped, Is.EqualTo(2));
        Assert.That(store.Sandbox.WriteRequests, Has.Count.EqualTo(1));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task ShipmentIdThatPrefixesAnother_IsStillShipped()
    {
        store.Sandbox.SeedOrder(1004, [("SKU-1", 5)]);
        await connector.ExecuteAsync(BigCommerceShipmentMessages.Plan(ChannelName, "SHP-1",
            new Shipment(ChannelName, "1004", "S-10", "UPS", "T10", null, ("SKU-1", 1))), CancellationToken.None);

        var outcome = await connector.ExecuteAsync(BigCommerceShipmentMessages.Plan(ChannelName, "SHP-2",
            new Shipment(ChannelName, "1004", "S-1", "UPS", "T1", null, ("SKU-1", 1))), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        Assert.That(store.Sandbox.State().Order(1004)!.Shipments.Select(s => s.TrackingNumber), Is.EqualTo(new[] { "T10", "T1" }));
    }

    [Test]
    public async Task UnknownOrder_FailsPermanentlyNamingIt()
    {
        store.Sandbox.SeedOrder(1001, [("SKU-1", 1)]);
        var plan = BigCommerceShipmentMessages.Plan(ChannelName, "SHP-1",
            new Shipment(ChannelName, "9999", "S-1", "UPS", "T1", null, ("SKU-1", 1)));

        var outcome = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("order '9999' not found on channel 'bc-test'"));
        Assert.That(store.Sandbox.WriteRequests, Is.Empty);
        Assert.That(store.Sandbox.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[] { "GET v2/orders/9999" }));
    }

    [Test]
    public async Task SkuNotOnTheOrder_FailsPermanentlyNamingOrderAndSku()
    {
        store.Sandbox.SeedOrder(1001, [("SKU-1", 1)]);
        var plan = BigCommerceShipmentMessages.Plan(ChannelName, "SHP-1",
            new Shipment(ChannelName, "1001", "S-1", "UPS", "T1", null, ("SKU-1", 1), ("SKU-X", 1)));

        var outcome = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("order '1001' has no product with SKU 'SKU-X'"));
        Assert.That(store.Sandbox.State().Order(1001)!.Shipments, Is.Empty);
    }

    [Test]
    public async Task ShippingMoreThanIsLeft_FailsPermanentlyWithBigCommercesMessage()
    {
        store.Sandbox.SeedOrder(1001, [("SKU-1", 1)]);
        var plan = BigCommerceShipmentMessages.Plan(ChannelName, "SHP-1",
            new Shipment(ChannelName, "1001", "S-1", "UPS", "T1", null, ("SKU-1", 2)));

        var outcome = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("BigCommerce 400").And.Contain("has 1 left to ship, not 2"));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task OtherChannelsShipments_AreLeftOutByTheMap()
    {
        store.Sandbox.SeedOrder(1001, [("SKU-1", 1)]);
        var plan = BigCommerceShipmentMessages.Plan(ChannelName, "SHP-1",
            new Shipment("shop-eu", "1001", "S-1", "UPS", "T-OTHER", null, ("SKU-1", 1)),
            new Shipment(ChannelName, "1001", "S-2", "UPS", "T-OURS", null, ("SKU-1", 1)));

        var outcome = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(plan.Calls, Has.Count.EqualTo(1));
        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        Assert.That(store.Sandbox.State().Order(1001)!.Shipments.Select(s => s.TrackingNumber), Is.EqualTo(new[] { "T-OURS" }));
    }

    [Test]
    public async Task ServerErrorOnTheLookUp_IsTransient_AndTheRetryShipsOnce()
    {
        store.Sandbox.SeedOrder(1001, [("SKU-1", 1)]);
        var plan = BigCommerceShipmentMessages.Plan(ChannelName, "SHP-1",
            new Shipment(ChannelName, "1001", "S-1", "UPS", "T1", null, ("SKU-1", 1)));
        store.Sandbox.FailNext(1, 503);

        var failed = await connector.ExecuteAsync(plan, CancellationToken.None);
        var retried = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(failed, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(retried, Is.TypeOf<DeliveryOutcome.Delivered>(), retried.ToString());
        Assert.That(store.Sandbox.State().Order(1001)!.Shipments, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Sandbox_V2Api_AnswersOrdersAndArrayErrors()
    {
        var seeded = store.Sandbox.SeedOrder(1001, [("SKU-1", 2)]);

        using var missing = await store.Http.GetAsync("v2/orders/42");
        using var empty = await store.Http.GetAsync("v2/orders/1001/shipments");
        using var products = await store.Http.GetAsync("v2/orders/1001/products");
        using var invalid = await store.Http.PostAsync("v2/orders/1001/shipments",
            BigCommerceTestStore.Json($$"""{"order_address_id":{{seeded.ShippingAddresses[0].Id + 100}},"items":[{"order_product_id":{{seeded.Products[0].Id}},"quantity":1}]}"""));

        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using (var error = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()))
        {
            Assert.That(error.RootElement[0].GetProperty("status").GetInt32(), Is.EqualTo(404));
        }

        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (var list = JsonDocument.Parse(await products.Content.ReadAsStringAsync()))
        {
            var line = list.RootElement.EnumerateArray().Single();
            Assert.That((line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32(), line.GetProperty("quantity_shipped").GetInt32()), Is.EqualTo(("SKU-1", 2, 0)));
        }

        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await invalid.Content.ReadAsStringAsync(), Does.Contain("order_address_id"));
        Assert.That(store.Sandbox.State().Order(1001)!.Shipments, Is.Empty);
    }

    [Test]
    public async Task SandboxAdmin_SeedsAnOrderAndShowsShipmentsInTheState()
    {
        using var admin = new HttpClient { BaseAddress = store.Sandbox.BaseAddress };
        using var seed = await admin.PostAsync("_sandbox/orders", BigCommerceTestStore.Json("""{"id":2001,"lines":[{"sku":"SKU-1","quantity":1}]}"""));
        await connector.ExecuteAsync(BigCommerceShipmentMessages.Plan(ChannelName, "SHP-1",
            new Shipment(ChannelName, "2001", "S-1", "UPS", "T-ADMIN", null, ("SKU-1", 1))), CancellationToken.None);

        using var state = JsonDocument.Parse(await admin.GetStringAsync("_sandbox/state"));

        Assert.That(seed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var order = state.RootElement.GetProperty("orders").EnumerateArray().Single();
        Assert.That(order.GetProperty("id").GetInt32(), Is.EqualTo(2001));
        Assert.That(order.GetProperty("shipments")[0].GetProperty("tracking_number").GetString(), Is.EqualTo("T-ADMIN"));
        Assert.That(order.GetProperty("products")[0].GetProperty("quantity_shipped").GetInt32(), Is.EqualTo(1));
    }

    /// <summary>Without the published contracts beside the checkout, the behaviour is still tested; only this check is left out.</summary>
    private void AssertRequestsMatchContract()
    {
        if (SharedContracts.Folder("bigcommerce") is null)
        {
            TestContext.Out.WriteLine("Contract check skipped: ../shared/contracts/bigcommerce is absent.");
            return;
        }

        var requests = store.Sandbox.Requests;
        Assert.That(requests.Where(r => r.Path.StartsWith("v2/", StringComparison.Ordinal)), Is.Not.Empty);
        var problems = requests.SelectMany(r => BigCommerceContract.Validate(r.Method, r.Path + r.Query, r.Body)).ToList();
        Assert.That(problems, Is.Empty);
    }
}
