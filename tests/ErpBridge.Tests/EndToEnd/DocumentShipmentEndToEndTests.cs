using System.Globalization;
using System.Xml.Linq;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Shipping documents as SAP (DELVRY07 with handling units and batch splits, several deliveries per order) and Oracle
/// EBS (SHOW_SHIPMENT_005) send them, submitted over SOAP, become one fulfilment per tracking number with the right
/// lines on each platform's sandbox. The channel is named by the document (SAP's ZWEB header text) or the document
/// type's default-channel parameter.
/// </summary>
[NonParallelizable]
public sealed class DocumentShipmentEndToEndTests
{
    [Test]
    public async Task Delvry07_HandlingUnitsBatchSplitAndASecondDelivery_BecomeOneFulfilmentPerTrackingNumberOnEveryPlatform()
    {
        await using var world = await DeliveryWorld.StartAsync();
        (string Sku, int Quantity)[] lines = [("E2E-001", 3), ("E2E-002", 2)];
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

        // First delivery of each order: two E2E-001 in two batches and one E2E-002, packed in two cartons with
        // their own tracking numbers. Second delivery: the rest, unpacked, under its bill of lading.
        await world.SubmitAsync(Document("DLV-1", "DELVRY07", Delvry07(targets.Select((t, i) => PackedDelivery(t.Channel, t.Order, i + 1)))));
        await world.WaitForAsync("DLV-1", "Delivered");
        var shopify = world.Shopify.State.Order("1001")!;
        Assert.That(shopify.Fulfillments.Select(f => f.TrackingNumber), Is.EquivalentTo(new[] { "TRK-A-1", "TRK-B-1" }), "one fulfilment per carton");
        Assert.That(shopify.Remaining("E2E-001"), Is.EqualTo(1), "two of three shipped, the batch split added up");
        Assert.That(shopify.Remaining("E2E-002"), Is.EqualTo(1));
        Assert.That(world.WooCommerce.State().Order(woo.Id)!.Status, Is.EqualTo("processing"), "a partial delivery leaves the WooCommerce order open");

        await world.SubmitAsync(Document("DLV-2", "DELVRY07", Delvry07(targets.Select((t, i) => RestDelivery(t.Channel, t.Order, i + 1)))));
        await world.WaitForAsync("DLV-2", "Delivered");

        var expected = new Dictionary<string, string[]>
        {
            ["TRK-A"] = ["E2E-001 x1", "E2E-002 x1"],
            ["TRK-B"] = ["E2E-001 x1"],
            ["TRK-C"] = ["E2E-001 x1", "E2E-002 x1"],
        };
        shopify = world.Shopify.State.Order("1001")!;
        Assert.That(
            shopify.Fulfillments.ToDictionary(f => f.TrackingNumber!, f => f.Lines.Select(l => $"{l.Sku} x{l.Quantity}").Order(StringComparer.Ordinal).ToArray()),
            Is.EquivalentTo(Suffixed(expected, 1)));
        Assert.That(shopify.FulfillmentStatus, Is.EqualTo("FULFILLED"));

        var bigCommerce = world.BigCommerce.State().Order(1001)!;
        var skuOf = bigCommerce.Products.ToDictionary(p => p.Id, p => p.Sku);
        Assert.That(
            bigCommerce.Shipments.ToDictionary(s => s.TrackingNumber, s => s.Items.Select(i => $"{skuOf[i.OrderProductId]} x{i.Quantity}").Order(StringComparer.Ordinal).ToArray()),
            Is.EquivalentTo(Suffixed(expected, 2)));
        Assert.That(bigCommerce.Status, Is.EqualTo("Shipped"));

        var wooOrder = world.WooCommerce.State().Order(woo.Id)!;
        var recorded = wooOrder.Meta.Where(m => m.Key.StartsWith("_erpbridge_shipment_", StringComparison.Ordinal)).Select(m => m.Value!.AsObject()).ToList();
        Assert.That(
            recorded.ToDictionary(r => (string)r["tracking_number"]!, r => r["items"]!.AsArray().Select(i => $"{(string)i!["sku"]!} x{(int)i["qty"]!}").Order(StringComparer.Ordinal).ToArray()),
            Is.EquivalentTo(Suffixed(expected, 3)));
        Assert.That(wooOrder.Status, Is.EqualTo("completed"), "the last delivery completes the order");

        var magento = world.Magento.State().ShipmentsOf("1001");
        Assert.That(
            magento.ToDictionary(s => s.Tracks.Single().TrackNumber, s => s.Items.Select(i => $"{i.Sku} x{(int)i.Qty}").Order(StringComparer.Ordinal).ToArray()),
            Is.EquivalentTo(Suffixed(expected, 4)));
    }

    [Test]
    public async Task ShowShipment005_TwoLinesWithTracking_BecomeAShopifyFulfilment_ChannelFromTheDocumentTypesParameter()
    {
        var overrides = new Dictionary<string, string?>
        {
            ["ErpBridge:DocumentTypes:SHOW_SHIPMENT_005:MapParameters:default-channel"] = DeliveryWorld.ShopifyChannel,
        };
        await using var world = await DeliveryWorld.StartAsync(overrides);
        world.Shopify.SeedOrder("#1042", [("E2E-001", 2), ("E2E-002", 1)]);
        await world.FetchOrdersAsync((DeliveryWorld.ShopifyChannel, "1042"));
        var request = XDocument.Load(Path.Combine(Support.RepositoryFolders.Samples, "oracle", "SubmitDocument-SHOW_SHIPMENT_005.xml"));
        XNamespace doc = "urn:erpbridge:documents:v1";
        var payload = request.Descendants(doc + "Payload").Single().Elements().Single().ToString(SaveOptions.DisableFormatting);

        await world.SubmitAsync(Document("OAG-1", "SHOW_SHIPMENT_005", payload));
        var deliveries = await world.WaitForAsync("OAG-1", "Delivered");

        Assert.That(deliveries.Keys, Is.EquivalentTo(new[] { DeliveryWorld.ShopifyChannel }), "a shipment is stored for its own channel only");
        var fulfillment = world.Shopify.State.Order("#1042")!.Fulfillments.Single();
        Assert.That(fulfillment.TrackingNumber, Is.EqualTo("1Z999AA10123456799"));
        Assert.That(fulfillment.TrackingCompany, Is.EqualTo("UPS"));
        Assert.That(fulfillment.Lines.Select(l => (l.Sku, l.Quantity)), Is.EquivalentTo(new[] { ("E2E-001", 2), ("E2E-002", 1) }));
    }

    private static Dictionary<string, string[]> Suffixed(Dictionary<string, string[]> expected, int target) =>
        expected.ToDictionary(e => $"{e.Key}-{target.ToString(CultureInfo.InvariantCulture)}", e => e.Value);

    private static string Document(string messageId, string documentType, string payload) =>
        $"""<doc:SubmitDocument xmlns:doc="urn:erpbridge:documents:v1"><doc:MessageId>{messageId}</doc:MessageId><doc:SentAt>2026-11-26T10:00:00Z</doc:SentAt><doc:SourceSystem>PRDCLNT100</doc:SourceSystem><doc:DocumentType>{documentType}</doc:DocumentType><doc:Payload>{payload}</doc:Payload></doc:SubmitDocument>""";

    private static string Delvry07(IEnumerable<string> deliveries) =>
        $"<DELVRY07>{string.Concat(deliveries.Select(d => $"<IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><DOCNUM>1</DOCNUM><IDOCTYP>DELVRY07</IDOCTYP><SNDPRN>PRDCLNT100</SNDPRN></EDI_DC40>{d}</IDOC>"))}</DELVRY07>";

    /// <summary>Items 10 (E2E-001, 2, split into batches 900001 and 900002) and 20 (E2E-002, 1) in cartons A and B.</summary>
    private static string PackedDelivery(string channel, string order, int n) =>
        Header($"00800{n}0001", channel, bolnr: null)
        + Item("000010", "E2E-001", "2.000", order) + Item("900001", "E2E-001", "1.000", order, uecha: "000010") + Item("900002", "E2E-001", "1.000", order, uecha: "000010")
        + Item("000020", "E2E-002", "1.000", order)
        + Unit($"0034000000000000{n}1", $"TRK-A-{n}", ("900001", "1.000"), ("000020", "1.000"))
        + Unit($"0034000000000000{n}2", $"TRK-B-{n}", ("900002", "1.000"))
        + "</E1EDL20>";

    private static string RestDelivery(string channel, string order, int n) =>
        Header($"00800{n}0002", channel, bolnr: $"TRK-C-{n}") + Item("000010", "E2E-001", "1.000", order) + Item("000020", "E2E-002", "1.000", order) + "</E1EDL20>";

    private static string Header(string vbeln, string channel, string? bolnr) =>
        $"<E1EDL20 SEGMENT=\"1\"><VBELN>{vbeln}</VBELN>{(bolnr is null ? "" : $"<BOLNR>{bolnr}</BOLNR>")}"
        + "<E1ADRM1 SEGMENT=\"1\"><PARTNER_Q>SP</PARTNER_Q><NAME1>DHL</NAME1></E1ADRM1>"
        + "<E1EDT13 SEGMENT=\"1\"><QUALF>006</QUALF><ISDD>20261126</ISDD><ISDZ>093000</ISDZ></E1EDT13>"
        + $"<E1TXTH8 SEGMENT=\"1\"><TDID>ZWEB</TDID><E1TXTP8 SEGMENT=\"1\"><TDLINE>{channel}</TDLINE></E1TXTP8></E1TXTH8>";

    private static string Item(string posnr, string material, string quantity, string order, string? uecha = null) =>
        $"<E1EDL24 SEGMENT=\"1\"><POSNR>{posnr}</POSNR><MATNR>{material}</MATNR>{(uecha is null ? "" : $"<UECHA>{uecha}</UECHA>")}<LFIMG>{quantity}</LFIMG><VRKME>ST</VRKME>"
        + $"<E1EDL41 SEGMENT=\"1\"><QUALI>001</QUALI><BSTNR>{order}</BSTNR></E1EDL41></E1EDL24>";

    private static string Unit(string exidv, string tracking, params (string Posnr, string Quantity)[] contents) =>
        $"<E1EDL37 SEGMENT=\"1\"><EXIDV>{exidv}</EXIDV><EXIDV2>{tracking}</EXIDV2>"
        + string.Concat(contents.Select(c => $"<E1EDL44 SEGMENT=\"1\"><VELIN>1</VELIN><POSNR>{c.Posnr}</POSNR><VEMNG>{c.Quantity}</VEMNG></E1EDL44>"))
        + "</E1EDL37>";
}
