using System.Globalization;
using System.Xml.Linq;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>Request plans shaped like the ones the outbound maps write for Shopify (the agreed documents).</summary>
public static class ShopifyPlans
{
    public const string StockDocument =
        "mutation SetStock($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) { inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) { inventoryAdjustmentGroup { id } userErrors { field message code } } }";

    public const string ProductDocument =
        "mutation UpsertProduct($identifier: ProductSetIdentifiers, $input: ProductSetInput!) { productSet(identifier: $identifier, input: $input, synchronous: true) { product { id variants(first: 1) { nodes { id sku inventoryItem { id } } } } userErrors { field message code } } }";

    private static readonly XNamespace Fn = JsonXml.Ns;
    private static readonly XNamespace Plan = RequestPlan.Ns;

    public static RequestPlan Stock(string idempotencyKey, string messageId, params (string Sku, string Location, int Quantity)[] lines) =>
        RequestPlan.Parse(new XDocument(StockElement(idempotencyKey, messageId, lines)));

    public static XElement StockElement(string idempotencyKey, string messageId, IEnumerable<(string Sku, string Location, int Quantity)> lines)
    {
        var quantities = lines.Select(line => new XElement(Fn + "map",
            new XElement(Fn + "string", new XAttribute("key", "inventoryItemId"), new XAttribute(Plan + "ref", "inventory-item"), new XAttribute(Plan + "key", line.Sku)),
            new XElement(Fn + "string", new XAttribute("key", "locationId"), new XAttribute(Plan + "ref", "location"), new XAttribute(Plan + "key", line.Location)),
            new XElement(Fn + "number", new XAttribute("key", "quantity"), line.Quantity.ToString(CultureInfo.InvariantCulture)),
            new XElement(Fn + "null", new XAttribute("key", "changeFromQuantity"))));
        var body = new XElement(Fn + "map",
            new XElement(Fn + "string", new XAttribute("key", "query"), StockDocument),
            new XElement(Fn + "map", new XAttribute("key", "variables"),
                new XElement(Fn + "string", new XAttribute("key", "idempotencyKey"), idempotencyKey),
                new XElement(Fn + "map", new XAttribute("key", "input"),
                    new XElement(Fn + "string", new XAttribute("key", "name"), "available"),
                    new XElement(Fn + "string", new XAttribute("key", "reason"), "correction"),
                    new XElement(Fn + "string", new XAttribute("key", "referenceDocumentUri"), $"gid://erpbridge/Message/{messageId}"),
                    new XElement(Fn + "array", new XAttribute("key", "quantities"), quantities))));
        return PlanRoot(new XElement(Plan + "call", new XAttribute("id", "set-stock"), new XAttribute("method", "POST"), new XAttribute("path", "graphql.json"), new XElement(Plan + "body", body)));
    }

    public static RequestPlan Product(string sku, string title, string price = "19.99", string status = "ACTIVE", string barcode = "4006381333931", double weight = 1.25) =>
        RequestPlan.Parse(new XDocument(PlanRoot(ProductCall(sku, title, price, status, barcode, weight))));

    public static XElement ProductCall(string sku, string title, string price, string status, string barcode, double weight)
    {
        var variant = new XElement(Fn + "map",
            new XElement(Fn + "array", new XAttribute("key", "optionValues"),
                new XElement(Fn + "map", Str("optionName", "Title"), Str("name", "Default Title"))),
            Str("sku", sku),
            Str("price", price),
            Str("barcode", barcode),
            new XElement(Fn + "map", new XAttribute("key", "inventoryItem"),
                new XElement(Fn + "map", new XAttribute("key", "measurement"),
                    new XElement(Fn + "map", new XAttribute("key", "weight"),
                        new XElement(Fn + "number", new XAttribute("key", "value"), weight.ToString(CultureInfo.InvariantCulture)),
                        Str("unit", "KILOGRAMS")))));
        var body = new XElement(Fn + "map",
            Str("query", ProductDocument),
            new XElement(Fn + "map", new XAttribute("key", "variables"),
                new XElement(Fn + "map", new XAttribute("key", "identifier"),
                    new XElement(Fn + "string", new XAttribute("key", "id"), new XAttribute(Plan + "ref", "product"), new XAttribute(Plan + "key", sku), new XAttribute(Plan + "missing", "omit-parent"))),
                new XElement(Fn + "map", new XAttribute("key", "input"),
                    Str("title", title),
                    Str("descriptionHtml", $"<p>{title}</p>"),
                    Str("status", status),
                    new XElement(Fn + "array", new XAttribute("key", "productOptions"),
                        new XElement(Fn + "map", Str("name", "Title"),
                            new XElement(Fn + "array", new XAttribute("key", "values"), new XElement(Fn + "map", Str("name", "Default Title"))))),
                    new XElement(Fn + "array", new XAttribute("key", "variants"), variant))));
        return new XElement(Plan + "call", new XAttribute("id", $"product-{sku}"), new XAttribute("method", "POST"), new XAttribute("path", "graphql.json"), new XElement(Plan + "body", body));
    }

    public static XElement PlanRoot(params XElement[] calls) =>
        new(Plan + "plan", new XAttribute(XNamespace.Xmlns + "fn", JsonXml.Namespace), new XAttribute(XNamespace.Xmlns + "plan", RequestPlan.Namespace), calls);

    private static XElement Str(string key, string value) => new(Fn + "string", new XAttribute("key", key), value);
}
