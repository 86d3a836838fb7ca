using System.Globalization;
using System.Xml.Linq;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>Shipment confirmations submitted over SOAP reach the orders on Shopify, BigCommerce, WooCommerce and Magento, once.</summary>
[NonParallelizable]
public sealed class ShipmentEndToEndTests
{
    private static readonly XNamespace St = "urn:erpbridge:status:v1";

    [Test]
    public async Task Shipments_FulfilTheOrders_PartialThenTheRest_AndAResendCreatesNothing()
    {
        await using var world = await DeliveryWorld.StartAsync();
        (string Sku, int Quantity)[] lines = [("E2E-001", 2), ("E2E-002", 1)];
        world.Shopify.SeedOrder("1001", lines);
        world.BigCommerce.SeedOrder(1001, lines);
        world.Magento.SeedOrder("1001", lines);
        // WooCommerce numbers its orders itself (the number is the order id).
        var woo = world.WooCommerce.SeedOrder(lines);
        (string Channel, string Order)[] targets =
        [
            (DeliveryWorld.ShopifyChannel, "1001"), (DeliveryWorld.BigCommerceChannel, "1001"),
            (DeliveryWorld.WooCommerceChannel, woo.Number), (DeliveryWorld.MagentoChannel, "1001"),
        ];

        // The bridge accepts a shipment only for an order it has fetched: the order poll brings them in first.
        await world.FetchOrdersAsync(targets);

        // First the E2E-001 lines, then the rest, then the first shipment again under a new MessageId.
        await world.SubmitAsync(Shipments("SH-1", targets, "80001", ("E2E-001", 2)));
        var first = await world.WaitForAsync("SH-1", "Delivered");
        Assert.That(first.Keys, Is.EquivalentTo(targets.Select(t => t.Channel)));
        Assert.That(world.Shopify.State.Order("1001")!.Remaining("E2E-002"), Is.EqualTo(1), "a partial shipment leaves the rest open");
        Assert.That(world.WooCommerce.State().Order(woo.Id)!.Status, Is.EqualTo("processing"), "a partial shipment leaves the WooCommerce order open");
        await world.SubmitAsync(Shipments("SH-2", targets, "80002", ("E2E-002", 1)));
        await world.WaitForAsync("SH-2", "Delivered");
        await world.SubmitAsync(Shipments("SH-1-again", targets, "80001", ("E2E-001", 2)));
        await world.WaitForAsync("SH-1-again", "Delivered");

        var shopify = world.Shopify.State.Order("1001")!;
        Assert.That(shopify.Fulfillments.Select(f => f.TrackingNumber), Is.EquivalentTo(new[] { "TRK-80001", "TRK-80002" }));
        Assert.That(shopify.Remaining("E2E-001") + shopify.Remaining("E2E-002"), Is.Zero);
        var bigCommerce = world.BigCommerce.State().Order(1001)!;
        Assert.That(bigCommerce.Shipments.Select(s => s.TrackingNumber), Is.EquivalentTo(new[] { "TRK-80001", "TRK-80002" }));
        Assert.That(bigCommerce.Status, Is.EqualTo("Shipped"));
        var magento = world.Magento.State().ShipmentsOf("1001");
        Assert.That(magento.SelectMany(s => s.Tracks).Select(t => t.TrackNumber), Is.EquivalentTo(new[] { "TRK-80001", "TRK-80002" }));
        var wooOrder = world.WooCommerce.State().Order(woo.Id)!;
        Assert.That(wooOrder.Status, Is.EqualTo("completed"), "CompleteOrder (the default mode) completes the order once every line is shipped");
        Assert.That(wooOrder.Meta.Where(m => m.Key.StartsWith("_erpbridge_shipment_", StringComparison.Ordinal)).Select(m => m.Key), Is.EquivalentTo(new[] { "_erpbridge_shipment_80001", "_erpbridge_shipment_80002" }));
        Assert.That(wooOrder.Notes.Count(n => n.CustomerNote && n.Note.Contains("TRK-80001", StringComparison.Ordinal)), Is.EqualTo(1), "the resend added no second note");
    }

    [Test]
    public async Task SameShipmentTwiceInOneRound_IsDeliveredOneAfterTheOther_AndCreatesOneShipmentPerStore()
    {
        await using var world = await DeliveryWorld.StartAsync();
        (string Sku, int Quantity)[] lines = [("E2E-001", 2)];
        world.Shopify.SeedOrder("1001", lines);
        world.BigCommerce.SeedOrder(1001, lines);
        world.Magento.SeedOrder("1001", lines);
        var woo = world.WooCommerce.SeedOrder(lines);
        (string Channel, string Order)[] targets =
        [
            (DeliveryWorld.ShopifyChannel, "1001"), (DeliveryWorld.BigCommerceChannel, "1001"),
            (DeliveryWorld.WooCommerceChannel, woo.Number), (DeliveryWorld.MagentoChannel, "1001"),
        ];

        // The bridge accepts a shipment only for an order it has fetched: the order poll brings them in first.
        await world.FetchOrdersAsync(targets);

        // Both copies are accepted while delivery is off, so that the first round claims them together.
        world.Set("ErpBridge:Delivery:Enabled", "false");
        await world.RestartBridgeAsync();
        await world.SubmitAsync(Shipments("SH-A", targets, "80005", ("E2E-001", 2)));
        await world.SubmitAsync(Shipments("SH-B", targets, "80005", ("E2E-001", 2)));
        world.Set("ErpBridge:Delivery:Enabled", "true");
        await world.RestartBridgeAsync();
        await world.WaitForAsync("SH-A", "Delivered");
        await world.WaitForAsync("SH-B", "Delivered");

        Assert.That(world.Shopify.State.Order("1001")!.Fulfillments, Has.Count.EqualTo(1));
        Assert.That(world.BigCommerce.State().Order(1001)!.Shipments, Has.Count.EqualTo(1));
        Assert.That(world.Magento.State().ShipmentsOf("1001"), Has.Count.EqualTo(1));
        Assert.That(world.WooCommerce.State().Order(woo.Id)!.Notes.Count(n => n.CustomerNote), Is.EqualTo(1));
    }

    [Test]
    public async Task ShipmentForAnOrderTheStoreNoLongerHas_FailsNamingIt()
    {
        await using var world = await DeliveryWorld.StartAsync();

        // Fetched once (so intake takes the shipment), gone from the store since: the store's answer is the failure.
        (string, string)[] targets = [(DeliveryWorld.ShopifyChannel, "9999"), (DeliveryWorld.BigCommerceChannel, "9999"), (DeliveryWorld.WooCommerceChannel, "9999"), (DeliveryWorld.MagentoChannel, "9999")];
        foreach (var (channel, order) in targets)
        {
            await StoredOrders.AddAsync(world.Bridge, channel, order);
        }

        await world.SubmitAsync(Shipments("SH-X", targets, "80009", ("E2E-001", 1)));
        var failed = await world.WaitForAsync("SH-X", "Failed");

        foreach (var (channel, delivery) in failed)
        {
            Assert.That(delivery.Element(St + "LastError")!.Value, Does.Contain("9999"), channel);
            Assert.That(delivery.Element(St + "Attempts")!.Value, Is.EqualTo("1"), "an unknown order is not retried");
        }
    }

    private static string Shipments(string messageId, (string Channel, string Order)[] targets, string shipmentId, (string Sku, int Quantity) line) =>
        $"""<shp:SubmitShipments xmlns:shp="urn:erpbridge:shipments:v1"><shp:MessageId>{messageId}</shp:MessageId><shp:SentAt>2026-11-26T10:00:00Z</shp:SentAt><shp:SourceSystem>SAP-ECC</shp:SourceSystem><shp:Shipments>{string.Concat(targets.Select(((string channel, string order) t) => $"<shp:Shipment><shp:Channel>{t.channel}</shp:Channel><shp:OrderNumber>{t.order}</shp:OrderNumber><shp:ShipmentId>{shipmentId}</shp:ShipmentId><shp:Carrier>DHL</shp:Carrier><shp:TrackingNumber>TRK-{shipmentId}</shp:TrackingNumber><shp:TrackingUrl>https://www.dhl.com/track?id=TRK-{shipmentId}</shp:TrackingUrl><shp:ShippedAt>2026-11-26T09:30:00Z</shp:ShippedAt><shp:Lines><shp:Line><shp:Sku>{line.Sku}</shp:Sku><shp:Quantity>{line.Quantity.ToString(CultureInfo.InvariantCulture)}</shp:Quantity></shp:Line></shp:Lines></shp:Shipment>"))}</shp:Shipments></shp:SubmitShipments>""";
}
