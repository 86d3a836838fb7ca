using System.Xml;
using ErpBridge.Tests.Soap.Interop.Wcf.Proxy;

namespace ErpBridge.Tests.Soap.Interop.Wcf;

/// <summary>Requests built with the proxy's types, as an integration team's code would build them.</summary>
public static class ProxyRequests
{
    public static readonly DateTime SentAt = new(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);

    public static string NewId() => $"WCF-{Guid.NewGuid():N}";

    public static SubmitInventoryRequest Inventory(string messageId, int items = 2) =>
        new(messageId, SentAt, "SAP-ECC", [.. Enumerable.Range(1, items).Select(i => new InventoryItem { Sku = $"MAT-100{i}", Location = "WH01", Quantity = i * 10 })]);

    public static SubmitProductsRequest Products(string messageId) =>
        new(messageId, SentAt, "SAP-ECC",
        [
            new Product
            {
                Sku = "MAT-2001",
                Title = "Steel bolt M8 & nut",
                Description = "Zinc plated",
                Price = 1.25m,
                Currency = "EUR",
                Status = ProductStatus.active,
                Barcode = "4006381333931",
                Weight = new Weight { unit = WeightUnit.g, Value = 12.5m },
                Attributes = [new Proxy.Attribute { Name = "Material", Value = "Steel" }],
            },
            new Product { Sku = "MAT-2002", Title = "Washer", Price = 0.05m, Currency = "EUR", Status = ProductStatus.draft },
        ]);

    public static SubmitShipmentsRequest Shipments(string messageId, string channel = "shopify-demo") =>
        new(messageId, SentAt, "SAP-ECC",
        [
            new Shipment
            {
                Channel = channel,
                OrderNumber = "#1001",
                ShipmentId = "80001234",
                Carrier = "DHL",
                TrackingNumber = "JJD000390007711",
                TrackingUrl = "https://www.dhl.com/track?id=JJD000390007711",
                ShippedAt = new DateTime(2026, 11, 26, 9, 30, 0, DateTimeKind.Utc),
                Lines = [new ShipmentLine { Sku = "MAT-2001", Quantity = 2 }],
            },
        ]);

    public static SubmitDocumentRequest Document(string messageId, string documentType = "MATMAS05") =>
        new(messageId, SentAt, "SAP-ECC", documentType, Idoc());

    /// <summary>A MATMAS05 IDoc in its XML form, without a namespace, as SAP sends it.</summary>
    public static XmlElement Idoc()
    {
        var document = new XmlDocument();
        document.LoadXml("<MATMAS05><IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><IDOCTYP>MATMAS05</IDOCTYP></EDI_DC40><E1MARAM SEGMENT=\"1\"><MATNR>MAT-3001</MATNR><E1MBEWM SEGMENT=\"1\"><BWKEY>1000</BWKEY><VPRSV>V</VPRSV><VERPR>7.5</VERPR></E1MBEWM></E1MARAM></IDOC></MATMAS05>");
        return document.DocumentElement!;
    }
}
