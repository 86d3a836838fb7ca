using System.Xml.Linq;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Mapping;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>Canonical messages, turned into request plans by the shipped WooCommerce outbound maps.</summary>
internal static class WooCommerceMessages
{
    private static readonly XNamespace Inv = "urn:erpbridge:inventory:v1";
    private static readonly XNamespace Prd = "urn:erpbridge:products:v1";
    private static readonly Lazy<XsltMapEngine> Engine = new(() => new XsltMapEngine(new XsltMapEngineOptions { Root = RepositoryFolders.Xslt, WatchFiles = false }));

    public sealed record StockLine(string Sku, int Quantity, string Location = WooCommerceTestStore.StockLocation);

    public sealed record ProductData(string Sku, string Title, decimal Price, string Status = "active", string? Description = null);

    public static RequestPlan Stock(string messageId, params StockLine[] lines) => Run("outbound/woocommerce/Inventory", messageId,
        new XDocument(new XElement(Inv + "SubmitInventory",
            new XElement(Inv + "MessageId", messageId),
            new XElement(Inv + "SentAt", "2026-11-25T09:00:00Z"),
            new XElement(Inv + "SourceSystem", "SAP-TEST"),
            new XElement(Inv + "Items", lines.Select(l => new XElement(Inv + "Item",
                new XElement(Inv + "Sku", l.Sku), new XElement(Inv + "Location", l.Location), new XElement(Inv + "Quantity", l.Quantity)))))));

    public static RequestPlan Products(string messageId, params ProductData[] products) => Run("outbound/woocommerce/Products", messageId,
        new XDocument(new XElement(Prd + "SubmitProducts",
            new XElement(Prd + "MessageId", messageId),
            new XElement(Prd + "SentAt", "2026-11-25T09:00:00Z"),
            new XElement(Prd + "SourceSystem", "SAP-TEST"),
            new XElement(Prd + "Products", products.Select(p => new XElement(Prd + "Product",
                new XElement(Prd + "Sku", p.Sku),
                new XElement(Prd + "Title", p.Title),
                p.Description is null ? null : new XElement(Prd + "Description", p.Description),
                new XElement(Prd + "Price", p.Price.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new XElement(Prd + "Currency", "EUR"),
                new XElement(Prd + "Status", p.Status)))))));

    private static RequestPlan Run(string map, string messageId, XDocument input) =>
        RequestPlan.Parse(Engine.Value.Transform(map, input, new Dictionary<string, string>
        {
            ["message-id"] = messageId,
            ["channel"] = "woo-test",
            ["idempotency-key"] = $"{messageId}:woo-test:1",
        }));
}
