using System.Globalization;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Issue 15 end to end over SOAP, as a production SAP system sends it, on all four store sandboxes: a material master
/// without a price (a draft on every store), then its sales price from condition records (which publishes it), then
/// its stock, then a web order for it fetched by the ERP, then the outbound delivery for that order naming no channel.
/// The product, its price, its stock and its fulfilment with tracking appear on every store, and SAP's sandbox holds
/// an ALEAUD01 with status 41 for every IDoc.
/// </summary>
[NonParallelizable]
public sealed class SapDocumentsEndToEndTests
{
    private const string Source = "PRDCLNT100";
    private const string Material = "000000000000780001";
    private const string Sku = "780001";

    private static readonly string[] Channels = [DeliveryWorld.ShopifyChannel, DeliveryWorld.BigCommerceChannel, DeliveryWorld.WooCommerceChannel, DeliveryWorld.MagentoChannel];

    [Test]
    public async Task MaterialPriceStockOrderAndDelivery_ReachEveryStore_AndSapGetsAnAuditForEveryIdoc()
    {
        await using var sap = await SapWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Orders:Enabled"] = "true" });
        var (erp, world) = (sap.Erp, sap.Stores);

        // 1. The material master: a new product on every store, not for sale yet (it has no price).
        await world.SubmitAsync(Document("SAP-MATMAS", "MATMAS05", Idoc("MATMAS05", "MATMAS", 1, MaterialMaster())));
        await world.WaitForAsync("SAP-MATMAS", "Delivered");
        Assert.That(world.Shopify.State.ProductBySku(Sku)!.Title, Is.EqualTo("Espresso grinder"));
        Assert.That(world.BigCommerce.State().ProductBySku(Sku)!.Name, Is.EqualTo("Espresso grinder"));
        Assert.That(world.WooCommerce.State().BySku(Sku)!.Name, Is.EqualTo("Espresso grinder"));
        Assert.That(world.Magento.State().ProductBySku(Sku)!.Name, Is.EqualTo("Espresso grinder"));
        Assert.That(Sellable(world), Is.EqualTo(new[] { "DRAFT", "False/disabled", "draft", "2" }), "drafts until the price comes");

        // 2. Its sales price (PR00 of sales area 1000/10, valid since yesterday): 249.00 on every store.
        var yesterday = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1);
        await world.SubmitAsync(Document("SAP-COND", "COND_A04", Idoc("COND_A04", "COND_A", 2, Condition(yesterday))));
        await world.WaitForAsync("SAP-COND", "Delivered");
        Assert.That(Money(world.Shopify.State.ProductBySku(Sku)!.Variants.Single().Price), Is.EqualTo(249m));
        Assert.That(world.BigCommerce.State().ProductBySku(Sku)!.Price, Is.EqualTo(249m));
        Assert.That(Money(world.WooCommerce.State().BySku(Sku)!.RegularPrice), Is.EqualTo(249m));
        Assert.That(world.Magento.State().ProductBySku(Sku)!.Price, Is.EqualTo(249m));
        Assert.That(Sellable(world), Is.EqualTo(new[] { "ACTIVE", "True/available", "publish", "1" }), "drafted for lack of a price: published with it");

        // 3. Its stock at the plant the stores know as their location.
        await world.SubmitAsync(Document("SAP-LOISTD", "LOISTD01", Idoc("LOISTD01", "LOISTD", 3, $"<E1MDSTL SEGMENT=\"1\"><MATNR>{Material}</MATNR><WERKS>{DeliveryWorld.Location}</WERKS><LABST>12.000</LABST></E1MDSTL>")));
        await world.WaitForAsync("SAP-LOISTD", "Delivered");
        Assert.That(world.Shopify.State.Available(Sku, DeliveryWorld.Location), Is.EqualTo(12));
        Assert.That(world.BigCommerce.State().StockOf(Sku, DeliveryWorld.Location), Is.EqualTo(12));
        Assert.That(world.WooCommerce.State().StockOf(Sku), Is.EqualTo(12));
        Assert.That(world.Magento.State().SourceItem(Sku, DeliveryWorld.Location)?.Quantity, Is.EqualTo(12m));

        // 4. A customer orders two on each store; the ERP fetches the orders.
        world.Shopify.SeedOrder("7101", [(Sku, 2)]);
        world.BigCommerce.SeedOrder(7102, [(Sku, 2)]);
        var woo = world.WooCommerce.SeedOrder([(Sku, 2)]);
        world.Magento.SeedOrder("7104", [(Sku, 2)]);
        string[] orders = ["7101", "7102", woo.Number, "7104"];
        await world.FetchOrdersAsync([.. Channels.Zip(orders)]);

        // 5. SAP's outbound deliveries for the four orders, naming no web channel: each finds its order's store.
        var deliveries = string.Concat(orders.Select((order, i) => Idoc(null, "DESADV", 4 + i, Delivery(order, i + 1))));
        await world.SubmitAsync(Document("SAP-DELVRY", "DELVRY07", $"<DELVRY07>{deliveries}</DELVRY07>"));
        var delivered = await world.WaitForAsync("SAP-DELVRY", "Delivered");
        Assert.That(delivered.Keys, Is.EquivalentTo(Channels), "each delivery went to the store its order came from");
        Assert.That(world.Shopify.State.Order("7101")!.Fulfillments.Select(f => f.TrackingNumber), Is.EqualTo(new[] { "TRK-SAP-1" }));
        Assert.That(world.BigCommerce.State().Order(7102)!.Shipments.Select(s => s.TrackingNumber), Is.EqualTo(new[] { "TRK-SAP-2" }));
        Assert.That(
            world.WooCommerce.State().Order(woo.Id)!.Meta.Where(m => m.Key.StartsWith("_erpbridge_shipment_", StringComparison.Ordinal)).Select(m => (string)m.Value!.AsObject()["tracking_number"]!),
            Is.EqualTo(new[] { "TRK-SAP-3" }));
        Assert.That(world.Magento.State().ShipmentsOf("7104").SelectMany(s => s.Tracks).Select(t => t.TrackNumber), Is.EqualTo(new[] { "TRK-SAP-4" }));

        // 6. SAP's IDoc monitor: an ALEAUD01 confirmation with 41 for each of the seven IDocs.
        var docNums = Enumerable.Range(1, 7).Select(DocNum).ToList();
        await DeliveryWorld.EventuallyAsync(() => docNums.All(d => erp.State().ConfirmationsOf(d).Count > 0), "an audit for every IDoc");
        Assert.That(docNums.Select(d => erp.State().ConfirmationsOf(d).Single().Status), Is.All.EqualTo("41"));
    }

    /// <summary>Whether each store sells the product: Shopify status, BigCommerce visibility/availability, WooCommerce status, Magento status.</summary>
    private static string[] Sellable(DeliveryWorld world)
    {
        var bigCommerce = world.BigCommerce.State().ProductBySku(Sku)!;
        return
        [
            world.Shopify.State.ProductBySku(Sku)!.Status,
            $"{bigCommerce.IsVisible}/{bigCommerce.Availability}",
            world.WooCommerce.State().BySku(Sku)!.Status,
            world.Magento.State().ProductBySku(Sku)!.Status.ToString(CultureInfo.InvariantCulture),
        ];
    }

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string DocNum(int n) => n.ToString("D16", CultureInfo.InvariantCulture);

    private static string Document(string messageId, string documentType, string payload) =>
        $"""<doc:SubmitDocument xmlns:doc="urn:erpbridge:documents:v1"><doc:MessageId>{messageId}</doc:MessageId><doc:SentAt>2026-12-07T09:15:00Z</doc:SentAt><doc:SourceSystem>{Source}</doc:SourceSystem><doc:DocumentType>{documentType}</doc:DocumentType><doc:Payload>{payload}</doc:Payload></doc:SubmitDocument>""";

    /// <summary>One IDoc with its control record; wrapped in its type's root element unless <paramref name="root"/> is null (several IDocs in one document).</summary>
    private static string Idoc(string? root, string messageType, int n, string segments)
    {
        var idoc = $"<IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><TABNAM>EDI_DC40</TABNAM><MANDT>100</MANDT><DOCNUM>{DocNum(n)}</DOCNUM><DIRECT>1</DIRECT><MESTYP>{messageType}</MESTYP><SNDPOR>SAPPRD</SNDPOR><SNDPRT>LS</SNDPRT><SNDPRN>{Source}</SNDPRN><RCVPOR>ERPBRIDGE</RCVPOR><RCVPRT>LS</RCVPRT><RCVPRN>ERPBRIDGE</RCVPRN><CREDAT>20261207</CREDAT><CRETIM>091500</CRETIM></EDI_DC40>{segments}</IDOC>";
        return root is null ? idoc : $"<{root}>{idoc}</{root}>";
    }

    private static string MaterialMaster() =>
        $"<E1MARAM SEGMENT=\"1\"><MSGFN>005</MSGFN><MATNR>{Material}</MATNR><MTART>HAWA</MTART><MEINS>ST</MEINS><BRGEW>2.4</BRGEW><GEWEI>KGM</GEWEI>"
        + "<E1MAKTM SEGMENT=\"1\"><SPRAS>E</SPRAS><MAKTX>Espresso grinder</MAKTX><SPRAS_ISO>EN</SPRAS_ISO></E1MAKTM>"
        + "<E1MBEWM SEGMENT=\"1\"><BWKEY>1000</BWKEY><VPRSV>S</VPRSV><STPRS>131.20</STPRS><PEINH>1</PEINH></E1MBEWM></E1MARAM>";

    private static string Condition(DateOnly from) =>
        $"<E1KOMG SEGMENT=\"1\"><KVEWE>A</KVEWE><KOTABNR>004</KOTABNR><KAPPL>V</KAPPL><KSCHL>PR00</KSCHL><VKORG>1000</VKORG><VTWEG>10</VTWEG><MATNR>{Material}</MATNR>"
        + $"<E1KONH SEGMENT=\"1\"><DATAB>{from.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}</DATAB><DATBI>99991231</DATBI>"
        + "<E1KONP SEGMENT=\"1\"><KSCHL>PR00</KSCHL><KBETR>249,00</KBETR><KONWA>EUR</KONWA><KPEIN>1</KPEIN><KMEIN>ST</KMEIN></E1KONP></E1KONH></E1KOMG>";

    /// <summary>An outbound delivery of the order's two pieces under one bill of lading; the order number in E1EDL41 BSTNR, no web channel.</summary>
    private static string Delivery(string order, int n) =>
        $"<E1EDL20 SEGMENT=\"1\"><VBELN>8000{n}</VBELN><BOLNR>TRK-SAP-{n}</BOLNR>"
        + "<E1ADRM1 SEGMENT=\"1\"><PARTNER_Q>SP</PARTNER_Q><NAME1>DHL</NAME1></E1ADRM1>"
        + "<E1EDT13 SEGMENT=\"1\"><QUALF>006</QUALF><ISDD>20261207</ISDD><ISDZ>093000</ISDZ></E1EDT13>"
        + $"<E1EDL24 SEGMENT=\"1\"><POSNR>000010</POSNR><MATNR>{Material}</MATNR><LFIMG>2.000</LFIMG><VRKME>ST</VRKME>"
        + $"<E1EDL41 SEGMENT=\"1\"><QUALI>001</QUALI><BSTNR>{order}</BSTNR></E1EDL41></E1EDL24></E1EDL20>";
}
