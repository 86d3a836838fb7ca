using System.Globalization;
using System.Xml.Linq;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>Shipment confirmations submitted over SOAP reach the orders on Shopify, BigCommerce and Magento, once.</summary>
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
        string[] channels = [DeliveryWorld.ShopifyChannel, DeliveryWorld.BigCommerceChannel, DeliveryWorld.MagentoChannel];

        // First the E2E-001 lines, then the rest, then the first shipment again under a new MessageId.
        await world.SubmitAsync(Shipments("SH-1", channels, "80001", ("E2E-001", 2)));
        var first = await world.WaitForAsync("SH-1", "Delivered");
        Assert.That(first.Keys, Is.EquivalentTo(channels));
        Assert.That(world.Shopify.State.Order("1001")!.Remaining("E2E-002"), Is.EqualTo(1), "a partial shipment leaves the rest open");
        await world.SubmitAsync(Shipments("SH-2", channels, "80002", ("E2E-002", 1)));
        await world.WaitForAsync("SH-2", "Delivered");
        await world.SubmitAsync(Shipments("SH-1-again", channels, "80001", ("E2E-001", 2)));
        await world.WaitForAsync("SH-1-again", "Delivered");

        var shopify = world.Shopify.State.Order("1001")!;
        Assert.That(shopify.Fulfillments.Select(f => f.TrackingNumber), Is.EquivalentTo(new[] { "TRK-80001", "TRK-80002" }));
        Assert.That(shopify.Remaining("E2E-001") + shopify.Remaining("E2E-002"), Is.Zero);
        var bigCommerce = world.BigCommerce.State().Order(1001)!;
        Assert.That(bigCommerce.Shipments.Select(s => s.TrackingNumber), Is.EquivalentTo(new[] { "TRK-80001", "TRK-80002" }));
        Assert.That(bigCommerce.Status, Is.EqualTo("Shipped"));
        var magento = world.Magento.State().ShipmentsOf("1001");
        Assert.That(magento.SelectMany(s => s.Tracks).Select(t => t.TrackNumber), Is.EquivalentTo(new[] { "TRK-80001", "TRK-80002" }));
    }

    [Test]
    public async Task ShipmentForAnUnknownOrder_FailsNamingIt()
    {
        await using var world = await DeliveryWorld.StartAsync();

        await world.SubmitAsync(Shipments("SH-X", [DeliveryWorld.ShopifyChannel, DeliveryWorld.BigCommerceChannel, DeliveryWorld.MagentoChannel], "80009", ("E2E-001", 1), order: "9999"));
        var failed = await world.WaitForAsync("SH-X", "Failed");

        foreach (var (channel, delivery) in failed)
        {
            Assert.That(delivery.Element(St + "LastError")!.Value, Does.Contain("9999"), channel);
            Assert.That(delivery.Element(St + "Attempts")!.Value, Is.EqualTo("1"), "an unknown order is not retried");
        }
    }

    private static string Shipments(string messageId, string[] channels, string shipmentId, (string Sku, int Quantity) line, string order = "1001") =>
        $"""<shp:SubmitShipments xmlns:shp="urn:erpbridge:shipments:v1"><shp:MessageId>{messageId}</shp:MessageId><shp:SentAt>2026-11-26T10:00:00Z</shp:SentAt><shp:SourceSystem>SAP-ECC</shp:SourceSystem><shp:Shipments>{string.Concat(channels.Select(channel => $"<shp:Shipment><shp:Channel>{channel}</shp:Channel><shp:OrderNumber>{order}</shp:OrderNumber><shp:ShipmentId>{shipmentId}</shp:ShipmentId><shp:Carrier>DHL</shp:Carrier><shp:TrackingNumber>TRK-{shipmentId}</shp:TrackingNumber><shp:TrackingUrl>https://www.dhl.com/track?id=TRK-{shipmentId}</shp:TrackingUrl><shp:ShippedAt>2026-11-26T09:30:00Z</shp:ShippedAt><shp:Lines><shp:Line><shp:Sku>{line.Sku}</shp:Sku><shp:Quantity>{line.Quantity.ToString(CultureInfo.InvariantCulture)}</shp:Quantity></shp:Line></shp:Lines></shp:Shipment>"))}</shp:Shipments></shp:SubmitShipments>""";
}
