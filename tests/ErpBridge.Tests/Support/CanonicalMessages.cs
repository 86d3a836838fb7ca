using System.Globalization;
using System.Xml.Linq;

namespace ErpBridge.Tests.Support;

/// <summary>
/// Canonical messages (the documents the SOAP service stores and the outbound maps read), built one way for every
/// test that feeds them to the committed maps. The header values are the caller's, so each suite keeps its own.
/// </summary>
public static class CanonicalMessages
{
    private static readonly XNamespace Inv = "urn:erpbridge:inventory:v1";
    private static readonly XNamespace Prd = "urn:erpbridge:products:v1";
    private static readonly XNamespace Shp = "urn:erpbridge:shipments:v1";

    /// <summary>A SubmitInventory message holding <paramref name="items"/>.</summary>
    public static XDocument Inventory(MessageHeader header, IEnumerable<(string Sku, string Location, int Quantity)> items) => new(
        new XElement(Inv + "SubmitInventory",
            Header(Inv, header),
            new XElement(Inv + "Items", items.Select(i => new XElement(Inv + "Item",
                new XElement(Inv + "Sku", i.Sku),
                new XElement(Inv + "Location", i.Location),
                new XElement(Inv + "Quantity", i.Quantity.ToString(CultureInfo.InvariantCulture)))))));

    /// <summary>A SubmitProducts message holding <paramref name="products"/>; optional fields are left out when null.</summary>
    public static XDocument Products(MessageHeader header, IEnumerable<CanonicalProduct> products) => new(
        new XElement(Prd + "SubmitProducts",
            Header(Prd, header),
            new XElement(Prd + "Products", products.Select(p => new XElement(Prd + "Product",
                new XElement(Prd + "Sku", p.Sku),
                new XElement(Prd + "Title", p.Title),
                p.Description is null ? null : new XElement(Prd + "Description", p.Description),
                new XElement(Prd + "Price", p.Price.ToString(CultureInfo.InvariantCulture)),
                new XElement(Prd + "Currency", "EUR"),
                new XElement(Prd + "Status", p.Status),
                p.WeightKg is null ? null : new XElement(Prd + "Weight", new XAttribute("unit", "kg"), p.WeightKg.Value.ToString(CultureInfo.InvariantCulture)))))));

    /// <summary>A SubmitShipments message holding <paramref name="shipments"/>, every one shipped at <paramref name="shippedAt"/>.</summary>
    public static XDocument Shipments(MessageHeader header, string shippedAt, IEnumerable<CanonicalShipment> shipments) => new(
        new XElement(Shp + "SubmitShipments",
            Header(Shp, header),
            new XElement(Shp + "Shipments", shipments.Select(s => new XElement(Shp + "Shipment",
                new XElement(Shp + "Channel", s.Channel),
                new XElement(Shp + "OrderNumber", s.OrderNumber),
                new XElement(Shp + "ShipmentId", s.ShipmentId),
                new XElement(Shp + "Carrier", s.Carrier),
                new XElement(Shp + "TrackingNumber", s.TrackingNumber),
                s.TrackingUrl is null ? null : new XElement(Shp + "TrackingUrl", s.TrackingUrl),
                new XElement(Shp + "ShippedAt", shippedAt),
                new XElement(Shp + "Lines", s.Lines.Select(l => new XElement(Shp + "Line",
                    new XElement(Shp + "Sku", l.Sku),
                    new XElement(Shp + "Quantity", l.Quantity.ToString(CultureInfo.InvariantCulture))))))))));

    private static XElement[] Header(XNamespace ns, MessageHeader header) =>
    [
        new XElement(ns + "MessageId", header.MessageId),
        new XElement(ns + "SentAt", header.SentAt),
        new XElement(ns + "SourceSystem", header.SourceSystem),
    ];
}
