using System.Globalization;
using System.Xml.Linq;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Issue 15, requirement 3, end to end over SOAP: orders polled from the sandboxes and fetched by the ERP, then
/// shipments for them that name no channel (as SAP sends them) reach the store each order came from, with no
/// shipment route configured.
/// </summary>
[NonParallelizable]
public sealed class ShipmentResolutionEndToEndTests
{
    private static readonly XNamespace Ord = "urn:erpbridge:orders:v1";

    // The Shopify sandbox's demo orders use the catalogue's SKUs: the sample delivery ships #9001's lines.
    private static readonly string[] Catalogue = ["MAT-100000", "MAT-100001", "MAT-100002", "MAT-100003"];

    [Test]
    public async Task DemoOrderFetchedFromShopify_TheDelvry07SampleWithoutChannel_FulfilsItThere()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Orders:Enabled"] = "true" }, Catalogue);
        await world.FetchOrdersAsync((DeliveryWorld.ShopifyChannel, "9001"));

        var id = Envelopes.NewId();
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryFolders.Samples, "idoc", "SubmitDocument-DELVRY07.xml"));
        var envelope = sample
            .Replace("4F1A9C2E7B3D11EFA1B2005056A1C0DE", id, StringComparison.Ordinal)
            .Replace("<soap:Body>", "<soap:Header>" + Envelopes.PasswordToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword) + "</soap:Header><soap:Body>", StringComparison.Ordinal);
        Assert.That(envelope, Does.Not.Contain("ZWEB").And.Not.Contain("<doc:Channel"), "the sample names no channel");
        var response = await world.Soap.PostAsync(envelope);

        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        Assert.That(response.Receipt!.Descendants().Where(e => e.Name.LocalName == "Channel").Select(e => e.Value), Is.EqualTo(new[] { DeliveryWorld.ShopifyChannel }));
        await world.WaitForAsync(id, "Delivered");
        var order = world.Shopify.State.Order("9001")!;
        Assert.That(order.Fulfillments.Select(f => f.TrackingNumber), Is.EqualTo(new[] { "1Z999AA10123456784" }));
        Assert.That(order.Remaining("MAT-100000") + order.Remaining("MAT-100001"), Is.Zero, "the delivery shipped both lines whole");
    }

    [Test]
    public async Task OneMessage_ShipmentsForOrdersOfTwoStores_WithoutChannel_EachFulfilledInItsStore()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Orders:Enabled"] = "true" }, Catalogue);
        var fetched = await world.FetchOrdersAsync((DeliveryWorld.BigCommerceChannel, "100"), (DeliveryWorld.MagentoChannel, "000000101"));
        var (bigCommerce, magento) = (fetched[0], fetched[1]);

        var id = Envelopes.NewId();
        var response = await world.SubmitAsync(Shipments(id, (bigCommerce, "TRK-E2E-BC"), (magento, "TRK-E2E-MG")));

        Assert.That(response.Receipt!.Descendants().Where(e => e.Name.LocalName == "Channel").Select(e => e.Value), Is.EqualTo(new[] { DeliveryWorld.BigCommerceChannel, DeliveryWorld.MagentoChannel }));
        var deliveries = await world.WaitForAsync(id, "Delivered");
        Assert.That(deliveries.Keys, Is.EquivalentTo(new[] { DeliveryWorld.BigCommerceChannel, DeliveryWorld.MagentoChannel }));
        Assert.That(world.BigCommerce.State().Order(100)!.Shipments.Select(s => s.TrackingNumber), Is.EqualTo(new[] { "TRK-E2E-BC" }), "only BigCommerce's own shipment");
        Assert.That(world.Magento.State().ShipmentsOf("000000101").SelectMany(s => s.Tracks).Select(t => t.TrackNumber), Is.EqualTo(new[] { "TRK-E2E-MG" }), "only Magento's own shipment");
    }

    /// <summary>One shipment per order, without Channel, shipping each of the order's lines that has a SKU whole.</summary>
    private static string Shipments(string messageId, params (XElement Order, string Tracking)[] shipments) =>
        $"""<shp:SubmitShipments xmlns:shp="urn:erpbridge:shipments:v1"><shp:MessageId>{messageId}</shp:MessageId><shp:SentAt>2026-12-07T10:00:00Z</shp:SentAt><shp:SourceSystem>PRDCLNT100</shp:SourceSystem><shp:Shipments>{string.Concat(shipments.Select(s => $"<shp:Shipment><shp:OrderNumber>{(string?)s.Order.Element(Ord + "OrderNumber")}</shp:OrderNumber><shp:ShipmentId>{s.Tracking}</shp:ShipmentId><shp:Carrier>DHL</shp:Carrier><shp:TrackingNumber>{s.Tracking}</shp:TrackingNumber><shp:ShippedAt>2026-12-07T09:30:00Z</shp:ShippedAt><shp:Lines>{Lines(s.Order)}</shp:Lines></shp:Shipment>"))}</shp:Shipments></shp:SubmitShipments>""";

    private static string Lines(XElement order) =>
        string.Concat(order.Descendants(Ord + "Line")
            .Where(l => !string.IsNullOrEmpty((string?)l.Element(Ord + "Sku")))
            .Select(l => $"<shp:Line><shp:Sku>{(string?)l.Element(Ord + "Sku")}</shp:Sku><shp:Quantity>{decimal.Parse((string)l.Element(Ord + "Quantity")!, CultureInfo.InvariantCulture).ToString("0", CultureInfo.InvariantCulture)}</shp:Quantity></shp:Line>"));
}
