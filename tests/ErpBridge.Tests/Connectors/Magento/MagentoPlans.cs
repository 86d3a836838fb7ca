using System.Xml.Linq;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Mapping;

namespace ErpBridge.Tests.Connectors.Magento;

/// <summary>Request plans made by the repository's own Magento outbound maps from canonical messages.</summary>
internal static class MagentoPlans
{
    private static readonly XNamespace Inv = "urn:erpbridge:inventory:v1";
    private static readonly XNamespace Prd = "urn:erpbridge:products:v1";
    private static readonly XNamespace Shp = "urn:erpbridge:shipments:v1";
    private static readonly Lazy<XsltMapEngine> Engine = new(() => new XsltMapEngine(new XsltMapEngineOptions { Root = RepositoryFolders.Xslt, WatchFiles = false }));

    public sealed record StockLine(string Sku, string Location, int Quantity);

    public sealed record ProductData(string Sku, string Title, decimal Price, string Status = "active", string? Description = null, decimal? WeightKg = null);

    public static RequestPlan Stock(string messageId, params StockLine[] lines) => Run("outbound/magento/Inventory", messageId, new XElement(Inv + "SubmitInventory",
        new XElement(Inv + "MessageId", messageId),
        new XElement(Inv + "SentAt", "2026-11-25T14:30:00Z"),
        new XElement(Inv + "SourceSystem", "SAP"),
        new XElement(Inv + "Items", lines.Select(l => new XElement(Inv + "Item",
            new XElement(Inv + "Sku", l.Sku), new XElement(Inv + "Location", l.Location), new XElement(Inv + "Quantity", l.Quantity))))));

    public static RequestPlan Products(string messageId, params ProductData[] products) => Run("outbound/magento/Products", messageId, new XElement(Prd + "SubmitProducts",
        new XElement(Prd + "MessageId", messageId),
        new XElement(Prd + "SentAt", "2026-11-25T14:30:00Z"),
        new XElement(Prd + "SourceSystem", "SAP"),
        new XElement(Prd + "Products", products.Select(p => new XElement(Prd + "Product",
            new XElement(Prd + "Sku", p.Sku),
            new XElement(Prd + "Title", p.Title),
            p.Description is null ? null : new XElement(Prd + "Description", p.Description),
            new XElement(Prd + "Price", p.Price),
            new XElement(Prd + "Currency", "EUR"),
            new XElement(Prd + "Status", p.Status),
            p.WeightKg is null ? null : new XElement(Prd + "Weight", new XAttribute("unit", "kg"), p.WeightKg))))));

    public sealed record ShipmentData(string OrderNumber, string ShipmentId, string Carrier, string TrackingNumber, string? TrackingUrl, params (string Sku, int Quantity)[] Lines)
    {
        public string Channel { get; init; } = "magento-test";
    }

    /// <summary>A plan for channel "magento-test" from a shipments message holding these shipments.</summary>
    public static RequestPlan Shipments(string messageId, params ShipmentData[] shipments) => Run("outbound/magento/Shipments", messageId, new XElement(Shp + "SubmitShipments",
        new XElement(Shp + "MessageId", messageId),
        new XElement(Shp + "SentAt", "2026-11-25T14:30:00Z"),
        new XElement(Shp + "SourceSystem", "SAP"),
        new XElement(Shp + "Shipments", shipments.Select(s => new XElement(Shp + "Shipment",
            new XElement(Shp + "Channel", s.Channel),
            new XElement(Shp + "OrderNumber", s.OrderNumber),
            new XElement(Shp + "ShipmentId", s.ShipmentId),
            new XElement(Shp + "Carrier", s.Carrier),
            new XElement(Shp + "TrackingNumber", s.TrackingNumber),
            s.TrackingUrl is null ? null : new XElement(Shp + "TrackingUrl", s.TrackingUrl),
            new XElement(Shp + "ShippedAt", "2026-11-25T13:00:00Z"),
            new XElement(Shp + "Lines", s.Lines.Select(l => new XElement(Shp + "Line", new XElement(Shp + "Sku", l.Sku), new XElement(Shp + "Quantity", l.Quantity)))))))));

    private static RequestPlan Run(string map, string messageId, XElement message) =>
        RequestPlan.Parse(Engine.Value.Transform(map, new XDocument(message), new Dictionary<string, string>
        {
            ["message-id"] = messageId,
            ["channel"] = "magento-test",
            ["idempotency-key"] = $"{messageId}:magento-test:1",
        }));
}
