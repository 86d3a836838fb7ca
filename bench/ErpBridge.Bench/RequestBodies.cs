using System.Globalization;
using System.Text;
using ErpBridge.Core.Messages;

namespace ErpBridge.Bench;

/// <summary>
/// The fixed parts of each operation's request: its root element and, per block, what follows SentAt. Consecutive
/// requests take consecutive blocks, so they carry different SKUs (the demo sandboxes' catalogue, MAT-100000 up) or,
/// for shipments, different orders, as an ERP sending changes would.
/// </summary>
internal static class RequestBodies
{
    private const int ItemCount = 10;
    private const int SkuBlocks = 200;

    /// <summary>The operation's SOAP action, prefix, namespace and root element (SubmitInventory, ...).</summary>
    public static (string Action, string Prefix, string Namespace) Root(BenchOperation operation) => operation switch
    {
        BenchOperation.Inventory => ("SubmitInventory", "inv", XmlNamespaces.Inventory),
        BenchOperation.Products => ("SubmitProducts", "prd", XmlNamespaces.Products),
        BenchOperation.Shipments => ("SubmitShipments", "shp", XmlNamespaces.Shipments),
        _ => ("SubmitDocument", "doc", XmlNamespaces.Documents),
    };

    /// <summary>Every block's text from the end of SentAt to the end of the envelope.</summary>
    public static IReadOnlyList<string> Tails(BenchOperation operation, IReadOnlyList<BenchOrder> orders) => operation switch
    {
        BenchOperation.Inventory => [.. Enumerable.Range(0, SkuBlocks).Select(Inventory)],
        BenchOperation.Products => [.. Enumerable.Range(0, SkuBlocks).Select(Products)],
        BenchOperation.Shipments => orders.Count > 0
            ? [.. orders.Select(Shipment)]
            : throw new UsageException("--operation Shipments needs orders the bridge has fetched; none were found"),
        _ => [.. Enumerable.Range(0, SkuBlocks).Select(Prices)],
    };

    private static int Sku(int block, int item) => 100000 + (block * ItemCount) + item;

    private static string Inventory(int block) => Items(
        "inv",
        "SAP-ECC",
        "Items",
        i => $"<inv:Item><inv:Sku>MAT-{Sku(block, i)}</inv:Sku><inv:Location>WH0{1 + (i % 3)}</inv:Location><inv:Quantity>{5 + (i * 37 % 95)}</inv:Quantity></inv:Item>");

    /// <summary>Ten products with a title, a description of a few sentences, a price, a barcode and a weight.</summary>
    private static string Products(int block) => Items(
        "prd",
        "SAP-ECC",
        "Products",
        i => $"<prd:Product><prd:Sku>MAT-{Sku(block, i)}</prd:Sku><prd:Title>Hex bolt M{6 + (i % 6)} x {20 + (i * 5)} mm, zinc plated &amp; boxed</prd:Title>"
            + $"<prd:Description>Hexagon head bolt to DIN 933, steel class 8.8, zinc plated. Sold in boxes of 100. Thread fully rolled; suitable for indoor use. Material {Sku(block, i)}.</prd:Description>"
            + $"<prd:Price>{(12.49m + (i * 1.25m)).ToString("0.00", CultureInfo.InvariantCulture)}</prd:Price><prd:Currency>EUR</prd:Currency><prd:Status>active</prd:Status>"
            + $"<prd:Barcode>40063813{Sku(block, i) % 100000:D5}</prd:Barcode><prd:Weight unit=\"kg\">{(0.25m + (i * 0.05m)).ToString("0.00", CultureInfo.InvariantCulture)}</prd:Weight></prd:Product>");

    /// <summary>One shipment of one fetched order, naming its channel, with a tracking number and two lines.</summary>
    private static string Shipment(BenchOrder order, int block) => Items(
        "shp",
        "SAP-ECC",
        "Shipments",
        _ => $"<shp:Shipment><shp:Channel>{XmlText.Escape(order.Channel)}</shp:Channel><shp:OrderNumber>{XmlText.Escape(order.OrderNumber)}</shp:OrderNumber>"
            + $"<shp:ShipmentId>BENCH-{block:D5}</shp:ShipmentId><shp:Carrier>DHL</shp:Carrier><shp:TrackingNumber>00340434161234{block:D6}</shp:TrackingNumber>"
            + "<shp:ShippedAt>2026-12-07T09:15:00Z</shp:ShippedAt><shp:Lines>"
            + $"<shp:Line><shp:Sku>MAT-{Sku(block % SkuBlocks, 0)}</shp:Sku><shp:Quantity>1</shp:Quantity></shp:Line>"
            + $"<shp:Line><shp:Sku>MAT-{Sku(block % SkuBlocks, 1)}</shp:Sku><shp:Quantity>2</shp:Quantity></shp:Line></shp:Lines></shp:Shipment>",
        count: 1);

    /// <summary>A COND_A04 IDoc with ten PR00 condition records of sales area 1000/10 (the demo channels' area).</summary>
    private static string Prices(int block)
    {
        var records = new StringBuilder();
        for (var i = 0; i < ItemCount; i++)
        {
            var sku = Sku(block, i);
            records.Append(CultureInfo.InvariantCulture, $"<E1KOMG SEGMENT=\"1\"><KVEWE>A</KVEWE><KOTABNR>004</KOTABNR><KAPPL>V</KAPPL><KSCHL>PR00</KSCHL><VKORG>1000</VKORG><VTWEG>10</VTWEG><MATNR>MAT-{sku}</MATNR>")
                .Append(CultureInfo.InvariantCulture, $"<E1KONH SEGMENT=\"1\"><KNUMH>{sku:D10}</KNUMH><DATAB>20261201</DATAB><DATBI>99991231</DATBI>")
                .Append(CultureInfo.InvariantCulture, $"<E1KONP SEGMENT=\"1\"><KSCHL>PR00</KSCHL><STFKZ>A</STFKZ><KRECH>C</KRECH><KBETR>{(24.90m + i).ToString("0.00", CultureInfo.InvariantCulture)}</KBETR><KONWA>EUR</KONWA><KPEIN>1</KPEIN><KMEIN>ST</KMEIN></E1KONP></E1KONH></E1KOMG>");
        }

        return "</doc:SentAt><doc:SourceSystem>PRDCLNT100</doc:SourceSystem><doc:DocumentType>COND_A04</doc:DocumentType><doc:Payload><COND_A04><IDOC BEGIN=\"1\">"
            + $"<EDI_DC40 SEGMENT=\"1\"><TABNAM>EDI_DC40</TABNAM><MANDT>100</MANDT><DOCNUM>{4800000 + block:D16}</DOCNUM><DOCREL>758</DOCREL><STATUS>30</STATUS><DIRECT>1</DIRECT><OUTMOD>2</OUTMOD>"
            + "<IDOCTYP>COND_A04</IDOCTYP><MESTYP>COND_A</MESTYP><SNDPOR>SAPPRD</SNDPOR><SNDPRT>LS</SNDPRT><SNDPRN>PRDCLNT100</SNDPRN><RCVPOR>ERPBRIDGE</RCVPOR><RCVPRT>LS</RCVPRT><RCVPRN>ERPBRIDGE</RCVPRN>"
            + "<CREDAT>20261207</CREDAT><CRETIM>091500</CRETIM></EDI_DC40>"
            + records
            + "</IDOC></COND_A04></doc:Payload></doc:SubmitDocument></soap:Body></soap:Envelope>\n";
    }

    private static string Items(string prefix, string source, string list, Func<int, string> item, int count = ItemCount)
    {
        var builder = new StringBuilder();
        var element = list == "Items" ? "SubmitInventory" : "Submit" + list;
        builder.Append(CultureInfo.InvariantCulture, $"</{prefix}:SentAt>\n      <{prefix}:SourceSystem>{source}</{prefix}:SourceSystem>\n      <{prefix}:{list}>\n");
        for (var i = 0; i < count; i++)
        {
            builder.Append("        ").Append(item(i)).Append('\n');
        }

        builder.Append(CultureInfo.InvariantCulture, $"      </{prefix}:{list}>\n    </{prefix}:{element}>\n  </soap:Body>\n</soap:Envelope>\n");
        return builder.ToString();
    }
}
