using System.Net.Http.Json;
using System.Text.Json;
using ErpBridge.Connectors;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Sandboxes.Shopify;
using static ErpBridge.Tests.Connectors.Shopify.ShopifyShipments;
using Shipment = ErpBridge.Tests.Support.CanonicalShipment;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>Shipments: the committed map's plans executed by the connector against the sandbox over real HTTP.</summary>
public sealed class ShopifyShipmentTests
{
    private const string Token = "shpat_shipment_test";
    private const string Channel = "shop-eu";

    private ShopifySandbox sandbox = null!;

    [SetUp]
    public async Task StartAsync()
    {
        sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, Skus = ["SKU-1", "SKU-2"] }, CancellationToken.None);
        sandbox.SeedOrder("1001", [("SKU-1", 2), ("SKU-2", 1)]);
    }

    [TearDown]
    public async Task StopAsync() => await sandbox.DisposeAsync();

    [Test]
    public async Task FullShipment_CreatesOneFulfillmentWithTrackingAndClosesTheOrderLines()
    {
        await using var connector = Connector();

        var outcome = await connector.ExecuteAsync(Plan(Channel, "SHP-1", new Shipment(Channel, "1001", "80001", "DHL", "JJD01", "https://track.example/JJD01", ("SKU-1", 2), ("SKU-2", 1))), CancellationToken.None);

        var order = sandbox.State.Order("1001")!;
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
            Assert.That(((DeliveryOutcome.Delivered)outcome).PlatformIds["fulfillment:fulfill-80001"], Is.EqualTo(order.Fulfillments.Single().Id));
            Assert.That(order.Remaining("SKU-1"), Is.Zero);
            Assert.That(order.Remaining("SKU-2"), Is.Zero);
            var fulfillment = order.Fulfillments.Single();
            Assert.That(fulfillment.TrackingNumber, Is.EqualTo("JJD01"));
            Assert.That(fulfillment.TrackingCompany, Is.EqualTo("DHL"));
            Assert.That(fulfillment.TrackingUrl, Is.EqualTo("https://track.example/JJD01"));
            Assert.That(fulfillment.Message, Does.Contain("80001"));
            Assert.That(fulfillment.NotifyCustomer, Is.True);
            Assert.That(fulfillment.Lines, Is.EquivalentTo(new[] { new ShopifyFulfilledLineState("SKU-1", 2), new ShopifyFulfilledLineState("SKU-2", 1) }));
        });
    }

    [Test]
    public async Task PartialShipment_LeavesTheRestOpen_AndALaterShipmentShipsIt()
    {
        await using var connector = Connector();

        var first = await connector.ExecuteAsync(Plan(Channel, "SHP-1", new Shipment(Channel, "1001", "80001", "DHL", "JJD01", null, ("SKU-1", 1))), CancellationToken.None);
        var afterFirst = sandbox.State.Order("1001")!;
        var second = await connector.ExecuteAsync(Plan(Channel, "SHP-2", new Shipment(Channel, "1001", "80002", "UPS", "1Z02", null, ("SKU-1", 1), ("SKU-2", 1))), CancellationToken.None);
        var afterSecond = sandbox.State.Order("1001")!;

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), first.ToString());
            Assert.That(afterFirst.Remaining("SKU-1"), Is.EqualTo(1));
            Assert.That(afterFirst.Remaining("SKU-2"), Is.EqualTo(1));
            Assert.That(afterFirst.Fulfillments.Single().TrackingUrl, Is.Null);
            Assert.That(second, Is.TypeOf<DeliveryOutcome.Delivered>(), second.ToString());
            Assert.That(afterSecond.Remaining("SKU-1"), Is.Zero);
            Assert.That(afterSecond.Remaining("SKU-2"), Is.Zero);
            Assert.That(afterSecond.Fulfillments.Select(f => f.TrackingNumber), Is.EqualTo(new[] { "JJD01", "1Z02" }));
        });
    }

    [Test]
    public async Task UnknownOrder_FailsPermanently_NamingTheOrder()
    {
        await using var connector = Connector();

        var outcome = await connector.ExecuteAsync(Plan(Channel, "SHP-1", new Shipment(Channel, "9999", "80001", "DHL", "JJD01", null, ("SKU-1", 1))), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), outcome.ToString());
            Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("order '9999' does not exist"));
            Assert.That(sandbox.State.Mutations, Is.Empty);
        });
    }

    [Test]
    public async Task MoreThanRemains_FailsPermanently_AndShipsNothing()
    {
        await using var connector = Connector();

        var outcome = await connector.ExecuteAsync(Plan(Channel, "SHP-1", new Shipment(Channel, "1001", "80001", "DHL", "JJD01", null, ("SKU-1", 3))), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), outcome.ToString());
            Assert.That(sandbox.State.Order("1001")!.Fulfillments, Is.Empty);
            Assert.That(sandbox.State.Order("1001")!.Remaining("SKU-1"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task SkuNotOnTheOrder_FailsPermanently_NamingSkuAndOrder()
    {
        await using var connector = Connector();

        var outcome = await connector.ExecuteAsync(Plan(Channel, "SHP-1", new Shipment(Channel, "1001", "80001", "DHL", "JJD01", null, ("SKU-X", 1))), CancellationToken.None);

        Assert.That(outcome is DeliveryOutcome.PermanentFailure { Reason: var reason } && reason.Contains("SKU 'SKU-X'", StringComparison.Ordinal) && reason.Contains("order '1001'", StringComparison.Ordinal), Is.True, outcome.ToString());
    }

    [Test]
    public async Task SameShipmentTwice_CreatesOneFulfillment_AlsoFromAFreshConnector()
    {
        var plan = Plan(Channel, "SHP-1", new Shipment(Channel, "1001", "80001", "DHL", "JJD01", null, ("SKU-1", 1)));
        DeliveryOutcome first, again, fresh;
        await using (var connector = Connector())
        {
            first = await connector.ExecuteAsync(plan, CancellationToken.None);
            again = await connector.ExecuteAsync(plan, CancellationToken.None);
        }

        await using (var other = Connector())
        {
            fresh = await other.ExecuteAsync(plan, CancellationToken.None);
        }

        var order = sandbox.State.Order("1001")!;
        Assert.Multiple(() =>
        {
            Assert.That(new[] { first, again, fresh }, Has.All.TypeOf<DeliveryOutcome.Delivered>());
            Assert.That(order.Fulfillments, Has.Count.EqualTo(1));
            Assert.That(order.Remaining("SKU-1"), Is.EqualTo(1));
            Assert.That(sandbox.State.Mutations.Count(m => m.Mutation == "fulfillmentCreate"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task MessageForTwoChannels_ShipsOnlyThisChannelsShipments()
    {
        sandbox.SeedOrder("2001", [("SKU-2", 1)]);
        await using var connector = Connector();
        var message = Message(
            "SHP-1",
            new Shipment(Channel, "1001", "80001", "DHL", "JJD01", null, ("SKU-1", 2)),
            new Shipment("shop-us", "2001", "80002", "UPS", "1Z02", null, ("SKU-2", 1)));

        var outcome = await connector.ExecuteAsync(Plan(message, Channel, "SHP-1"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
            Assert.That(sandbox.State.Order("1001")!.Fulfillments, Has.Count.EqualTo(1));
            Assert.That(sandbox.State.Order("2001")!.Fulfillments, Is.Empty);
        });
    }

    [Test]
    public async Task OrderLookUp_IsCached_AndReadsTheOrderByIdAfterwards()
    {
        await using var connector = Connector();
        await connector.ExecuteAsync(Plan(Channel, "SHP-1", new Shipment(Channel, "1001", "80001", "DHL", "JJD01", null, ("SKU-1", 1))), CancellationToken.None);
        var before = sandbox.GraphQLRequestCount;

        var outcome = await connector.ExecuteAsync(Plan(Channel, "SHP-2", new Shipment(Channel, "1001", "80002", "DHL", "JJD02", null, ("SKU-1", 1))), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
            Assert.That(sandbox.GraphQLRequestCount - before, Is.EqualTo(2), "one read of the order, one fulfillmentCreate");
            Assert.That(sandbox.State.Order("1001")!.Remaining("SKU-1"), Is.Zero);
        });
    }

    [Test]
    public async Task Prepare_ShowsTheResolvedFulfillmentOrderLineIds()
    {
        var seeded = sandbox.SeedOrder("1002", [("SKU-1", 1)]);
        await using var connector = Connector();

        var calls = await connector.PrepareAsync(Plan(Channel, "SHP-1", new Shipment(Channel, "1002", "80009", "DHL", "JJD09", null, ("SKU-1", 1))), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(calls.Single().SkipReason, Is.Null);
            Assert.That(calls.Single().JsonBody, Does.Contain(seeded.FulfillmentOrderId).And.Contain(seeded.LineItemIdsBySku["SKU-1"]));
            Assert.That(sandbox.State.Order("1002")!.Fulfillments, Is.Empty);
        });
    }

    [Test]
    public async Task Prepare_NamesEachFulfillmentOrderOnce()
    {
        var seeded = sandbox.SeedOrder("1003", [("SKU-1", 2), ("SKU-2", 2)]);
        await using var connector = Connector();

        var calls = await connector.PrepareAsync(Plan(Channel, "SHP-1", new Shipment(Channel, "1003", "80010", "DHL", "JJD10", null, ("SKU-1", 1), ("SKU-2", 2))), CancellationToken.None);

        using var body = JsonDocument.Parse(calls.Single().JsonBody!);
        var groups = body.RootElement.GetProperty("variables").GetProperty("fulfillment").GetProperty("lineItemsByFulfillmentOrder");
        Assert.Multiple(() =>
        {
            Assert.That(groups.GetArrayLength(), Is.EqualTo(1));
            Assert.That(groups[0].GetProperty("fulfillmentOrderId").GetString(), Is.EqualTo(seeded.FulfillmentOrderId));
            Assert.That(groups[0].GetProperty("fulfillmentOrderLineItems").EnumerateArray().Select(l => (l.GetProperty("id").GetString(), l.GetProperty("quantity").GetInt32())),
                Is.EqualTo(new[] { (seeded.LineItemIdsBySku["SKU-1"], 1), (seeded.LineItemIdsBySku["SKU-2"], 2) }));
        });
    }

    [Test]
    public async Task SeedEndpoint_CreatesOrders_AndAnswersTheirIds()
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };

        using var response = await http.PostAsJsonAsync(new Uri("/_sandbox/seed", UriKind.Relative), new { orders = new[] { new { orderNumber = "1005", lines = new[] { new { sku = "SKU-1", quantity = 3 } } } } });
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.IsSuccessStatusCode, Is.True);
            Assert.That(answer.RootElement[0].GetProperty("orderId").GetString(), Is.EqualTo(sandbox.State.Order("1005")!.Id));
            Assert.That(sandbox.State.Order("#1005")!.Remaining("SKU-1"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task SandboxState_OverHttp_ShowsOrdersAndFulfillments()
    {
        await using (var connector = Connector())
        {
            await connector.ExecuteAsync(Plan(Channel, "SHP-1", new Shipment(Channel, "1001", "80001", "DHL", "JJD01", null, ("SKU-2", 1))), CancellationToken.None);
        }

        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        using var state = JsonDocument.Parse(await http.GetStringAsync(new Uri("/_sandbox/state", UriKind.Relative)));

        var order = state.RootElement.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "#1001");
        Assert.Multiple(() =>
        {
            Assert.That(order.GetProperty("name").GetString(), Is.EqualTo("#1001"));
            Assert.That(order.GetProperty("fulfillments")[0].GetProperty("trackingNumber").GetString(), Is.EqualTo("JJD01"));
            Assert.That(order.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == "SKU-2").GetProperty("remaining").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task OrdersQuery_ByName_AnswersFulfillmentOrderLines()
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/api/2026-01/graphql.json")
        {
            Content = JsonContent.Create(new { query = ShopifyDocuments.OrderForShipment, variables = new { query = ShopifyDocuments.OrderNameSearch("1001") } }),
        };
        request.Headers.Add("X-Shopify-Access-Token", Token);

        using var response = await http.SendAsync(request);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var order = answer.RootElement.GetProperty("data").GetProperty("orders").GetProperty("nodes")[0];
        var lines = order.GetProperty("fulfillmentOrders").GetProperty("nodes")[0].GetProperty("lineItems").GetProperty("nodes");
        Assert.Multiple(() =>
        {
            Assert.That(order.GetProperty("name").GetString(), Is.EqualTo("#1001"));
            Assert.That(lines.EnumerateArray().Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("remainingQuantity").GetInt32())), Is.EqualTo(new[] { ("SKU-1", 2), ("SKU-2", 1) }));
            Assert.That(order.GetProperty("fulfillments").GetArrayLength(), Is.Zero);
        });
    }

    private IChannelConnector Connector() =>
        new ShopifyConnectorFactory().Create(Channel, new ChannelOptions { Platform = Platform.Shopify, BaseUrl = sandbox.BaseAddress.ToString(), AccessToken = Token });
}
