using System.Xml.Linq;
using ErpBridge.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Web orders reach the shipping channel of the Development configuration (ShipStation): a store's order is polled,
/// forwarded as an Orders message and delivered as a ShipStation order keyed by the bridge's OrderId; the store's
/// cancellation follows to the same ShipStation order; a ShipStation outage is retried, not lost.
/// </summary>
[NonParallelizable]
public sealed class ShippingEndToEndTests
{
    private static readonly XNamespace Ord = "urn:erpbridge:orders:v1";

    [Test]
    public async Task StoreOrder_ReachesShipStation_AndItsCancellationFollows()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Orders:Enabled"] = "true" });
        var placed = world.Magento.SeedOrder("SHIP-9001", [("E2E-001", 2), ("E2E-002", 1)]);
        var orderKey = $"{DeliveryWorld.MagentoChannel}:{placed.Id}";

        await PollAsync(world, DeliveryWorld.MagentoChannel);

        await DeliveryWorld.EventuallyAsync(() => world.ShipStation.State().OrderByKey(orderKey) is not null, $"ShipStation order {orderKey}");
        var created = world.ShipStation.State().OrderByKey(orderKey)!;
        Assert.That((string?)created["orderNumber"], Is.EqualTo("SHIP-9001"));
        Assert.That((string?)created["orderStatus"], Is.EqualTo("awaiting_shipment").Or.EqualTo("awaiting_payment"));
        Assert.That(created["items"]!.AsArray().Select(i => (string?)i!["sku"]), Is.EquivalentTo(new[] { "E2E-001", "E2E-002" }));

        world.Magento.CancelOrder("SHIP-9001");
        await PollAsync(world, DeliveryWorld.MagentoChannel);

        await DeliveryWorld.EventuallyAsync(() => (string?)world.ShipStation.State().OrderByKey(orderKey)?["orderStatus"] == "cancelled", $"ShipStation order {orderKey} cancelled");
        Assert.That(world.ShipStation.State().Orders.Count(o => (string?)o["orderKey"] == orderKey), Is.EqualTo(1), "one ShipStation order, updated");
    }

    [Test]
    public async Task ShipStationOutage_IsRetried_AndTheOrderArrivesOnce()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Orders:Enabled"] = "true" });
        var placed = world.Magento.SeedOrder("SHIP-9002", [("E2E-003", 1)]);
        var orderKey = $"{DeliveryWorld.MagentoChannel}:{placed.Id}";
        world.ShipStation.FailNext(2, 503);

        await PollAsync(world, DeliveryWorld.MagentoChannel);
        await PollAsync(world, DeliveryWorld.MagentoChannel);

        await DeliveryWorld.EventuallyAsync(() => world.ShipStation.State().OrderByKey(orderKey) is not null, $"ShipStation order {orderKey} after the outage");
        Assert.That(world.ShipStation.Requests.Count(r => r.Status == 503), Is.EqualTo(2));
        var messages = world.ShipStation.Requests.Where(r => r.Status == 200 && r.Body!.Contains(orderKey, StringComparison.Ordinal)).ToList();
        Assert.That(messages, Has.Count.EqualTo(1), "the second poll read the same order state: a duplicate message, not a second delivery");
    }

    [Test]
    public async Task ShipStationLabel_ReachesTheOrdersStore_Once()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Orders:Enabled"] = "true" });
        var placed = world.Magento.SeedOrder("SHIP-9003", [("E2E-004", 2), ("E2E-005", 1)]);
        var orderKey = $"{DeliveryWorld.MagentoChannel}:{placed.Id}";
        await PollAsync(world, DeliveryWorld.MagentoChannel);
        await DeliveryWorld.EventuallyAsync(() => world.ShipStation.State().OrderByKey(orderKey) is not null, $"ShipStation order {orderKey}");

        // The warehouse buys a label for one of the two lines; the label poll (run now, not at the next minute) reads it.
        var label = world.ShipStation.CreateLabel(orderKey, "1Z999AA10123456784", "ups", lines: [("E2E-004", 2)]);
        var poller = world.Bridge.App.Services.GetRequiredService<ShipmentPoller>();
        var first = await poller.PollAsync(DeliveryWorld.ShipStationChannel, CancellationToken.None);
        var again = await poller.PollAsync(DeliveryWorld.ShipStationChannel, CancellationToken.None);

        Assert.That(first.Error, Is.Null);
        Assert.That(first.Accepted, Is.EqualTo(1));
        Assert.That(again.Accepted, Is.Zero, "the same label read again is a duplicate");
        await DeliveryWorld.EventuallyAsync(() => world.Magento.State().ShipmentsOf("SHIP-9003").Count > 0, "the Magento order shipped");
        var statuses = await world.WaitForAsync($"label:{DeliveryWorld.ShipStationChannel}:{label.ShipmentId}", "Delivered");
        Assert.That(statuses.Keys, Is.EqualTo(new[] { DeliveryWorld.MagentoChannel }), "the label goes to the order's own store only");
        var shipment = world.Magento.State().ShipmentsOf("SHIP-9003").Single();
        Assert.That(shipment.Tracks.Select(t => t.TrackNumber), Is.EqualTo(new[] { "1Z999AA10123456784" }));
        Assert.That(shipment.Items.Select(i => (i.Sku, i.Qty)), Is.EqualTo(new[] { ("E2E-004", 2m) }), "only the line the label ships");

        // The ERP sees the order with its tracking: the revision the label made, and still after the store's own change.
        var withTracking = (await world.FetchOrdersAsync((DeliveryWorld.MagentoChannel, "SHIP-9003"))).Single();
        AssertTracking(withTracking, $"{DeliveryWorld.ShipStationChannel}:{label.ShipmentId}");
        await world.SubmitAsync($"""<ord:AcknowledgeOrders xmlns:ord="urn:erpbridge:orders:v1"><ord:Acknowledgements><ord:Acknowledgement><ord:OrderId>{orderKey}</ord:OrderId><ord:ErpDocumentNumber>4500000001</ord:ErpDocumentNumber></ord:Acknowledgement></ord:Acknowledgements></ord:AcknowledgeOrders>""");
        world.Magento.UpdateOrder("SHIP-9003", "holded");
        await PollAsync(world, DeliveryWorld.MagentoChannel);
        var changed = (await world.FetchOrdersAsync((DeliveryWorld.MagentoChannel, "SHIP-9003"))).Single();
        Assert.That(changed.ToString(), Does.Contain("holded"), "the store's change is a revision of its own");
        AssertTracking(changed, $"{DeliveryWorld.ShipStationChannel}:{label.ShipmentId}");
    }

    [Test]
    public async Task ShipNotifyWebhook_WithTheKey_RunsTheLabelPoll_OthersAreRefused()
    {
        const string secret = "webhook-secret-0123456789";
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?>
        {
            ["ErpBridge:Orders:Enabled"] = "true",
            [$"ErpBridge:Channels:{DeliveryWorld.ShipStationChannel}:WebhookSecret"] = secret,

            // The label poll runs at start and then not before next year: only the webhook can run it in this test.
            [$"ErpBridge:Orders:Channels:{DeliveryWorld.ShipStationChannel}:Cron"] = "0 0 0 1 1 ?",
        });
        var placed = world.Magento.SeedOrder("SHIP-9004", [("E2E-006", 1)]);
        var orderKey = $"{DeliveryWorld.MagentoChannel}:{placed.Id}";
        await PollAsync(world, DeliveryWorld.MagentoChannel);
        await DeliveryWorld.EventuallyAsync(() => world.ShipStation.State().OrderByKey(orderKey) is not null, $"ShipStation order {orderKey}");
        world.ShipStation.CreateLabel(orderKey, "9400100000000000000001", "usps");
        using var http = new HttpClient { BaseAddress = world.Bridge.BaseAddress };
        using var body = new StringContent("""{"resource_url":"https://attacker.example/shipments","resource_type":"SHIP_NOTIFY"}""", System.Text.Encoding.UTF8, "application/json");

        var wrongKey = await http.PostAsync($"/webhooks/shipping/{DeliveryWorld.ShipStationChannel}?key=guess", body);
        var notShipping = await http.PostAsync($"/webhooks/shipping/{DeliveryWorld.MagentoChannel}?key={secret}", body);
        var hint = await http.PostAsync($"/webhooks/shipping/{DeliveryWorld.ShipStationChannel}?key={secret}", body);

        Assert.That(wrongKey.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Unauthorized));
        Assert.That(notShipping.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        Assert.That(hint.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
        await DeliveryWorld.EventuallyAsync(() => world.Magento.State().ShipmentsOf("SHIP-9004").Count > 0, "the label reached the store without waiting for the next minute");
        Assert.That(world.ShipStation.Requests.Where(r => r.Path == "shipments").Select(r => r.Query), Has.All.Contains("includeShipmentItems=true"), "the label was read from ShipStation, not from the webhook's body");
    }

    private static void AssertTracking(XElement order, string shipmentId)
    {
        var shipment = order.Element(Ord + "Shipments")?.Element(Ord + "Shipment");
        Assert.That(shipment, Is.Not.Null, order.ToString());
        Assert.That((string?)shipment!.Element(Ord + "ShipmentId"), Is.EqualTo(shipmentId));
        Assert.That((string?)shipment.Element(Ord + "TrackingNumber"), Is.EqualTo("1Z999AA10123456784"));
        Assert.That((string?)shipment.Element(Ord + "Carrier"), Is.EqualTo("ups"));
        Assert.That(shipment.Descendants(Ord + "Sku").Select(e => e.Value), Is.EqualTo(new[] { "E2E-004" }));
    }

    private static Task PollAsync(DeliveryWorld world, string channel) =>
        world.Bridge.App.Services.GetRequiredService<OrderPoller>().PollAsync(channel, CancellationToken.None);
}
