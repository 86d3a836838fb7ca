using System.Globalization;
using System.Xml.Linq;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>Request plans shaped as the BigCommerce outbound maps write them (stock adjustments, product create-or-update).</summary>
internal static class BigCommercePlans
{
    private static readonly XNamespace Plan = RequestPlan.Ns;
    private static readonly XNamespace Fn = JsonXml.Ns;

    public sealed record StockLine(string Sku, string Location, int Quantity);

    public sealed record ProductData(
        string Sku, string Name, decimal Price, decimal Weight, string Description = "", bool IsVisible = true, string Upc = "",
        IReadOnlyList<(string Name, string Value)>? CustomFields = null);

    /// <summary>One <c>PUT v3/inventory/adjustments/absolute</c>, items by SKU, locations by ERP code.</summary>
    public static XDocument StockXml(string messageId, params StockLine[] lines) => Document(
        new XElement(Plan + "call",
            new XAttribute("id", "stock-1"), new XAttribute("method", "PUT"), new XAttribute("path", "v3/inventory/adjustments/absolute"),
            new XElement(Plan + "body",
                new XElement(Fn + "map",
                    new XElement(Fn + "string", new XAttribute("key", "reason"), $"ERP stock {messageId}"),
                    new XElement(Fn + "array", new XAttribute("key", "items"),
                        lines.Select(line => new XElement(Fn + "map",
                            new XElement(Fn + "number", new XAttribute("key", "location_id"),
                                new XAttribute(Plan + "ref", "location"), new XAttribute(Plan + "key", line.Location)),
                            new XElement(Fn + "string", new XAttribute("key", "sku"), line.Sku),
                            new XElement(Fn + "number", new XAttribute("key", "quantity"), line.Quantity))))))));

    public static RequestPlan Stock(string messageId, params StockLine[] lines) => RequestPlan.Parse(StockXml(messageId, lines));

    /// <summary>
    /// Per product: create when the SKU has no product, update (by the resolved id) when it has. The update leaves
    /// custom_fields out: on a product PUT, BigCommerce adds every custom field sent without its id, so resending them would
    /// pile up copies.
    /// </summary>
    public static XDocument ProductsXml(params ProductData[] products) => Document(products.SelectMany(product => new[]
    {
        new XElement(Plan + "call",
            new XAttribute("id", $"create-{product.Sku}"), new XAttribute("method", "POST"), new XAttribute("path", "v3/catalog/products"),
            new XAttribute("if", "missing"), new XAttribute("if-ref", "product"), new XAttribute("if-key", product.Sku),
            new XElement(Plan + "body", ProductBody(product, create: true))),
        new XElement(Plan + "call",
            new XAttribute("id", $"update-{product.Sku}"), new XAttribute("method", "PUT"), new XAttribute("path", "v3/catalog/products/{id}"),
            new XAttribute("if", "found"), new XAttribute("if-ref", "product"), new XAttribute("if-key", product.Sku),
            new XElement(Plan + "path-param", new XAttribute("name", "id"), new XAttribute("ref", "product"), new XAttribute("key", product.Sku)),
            new XElement(Plan + "body", ProductBody(product, create: false))),
    }).ToArray());

    public static RequestPlan Products(params ProductData[] products) => RequestPlan.Parse(ProductsXml(products));

    /// <summary>A plan whose body needs the variant id of each SKU (stock by variant_id).</summary>
    public static RequestPlan StockByVariant(string sku, string location, int quantity) => RequestPlan.Parse(StockByVariantXml(new StockLine(sku, location, quantity)));

    public static XDocument StockByVariantXml(params StockLine[] lines) => Document(
        new XElement(Plan + "call",
            new XAttribute("id", "stock-by-variant"), new XAttribute("method", "PUT"), new XAttribute("path", "v3/inventory/adjustments/absolute"),
            new XElement(Plan + "body",
                new XElement(Fn + "map",
                    new XElement(Fn + "array", new XAttribute("key", "items"),
                        lines.Select(line => new XElement(Fn + "map",
                            new XElement(Fn + "number", new XAttribute("key", "location_id"), new XAttribute(Plan + "ref", "location"), new XAttribute(Plan + "key", line.Location)),
                            new XElement(Fn + "number", new XAttribute("key", "variant_id"), new XAttribute(Plan + "ref", "variant"), new XAttribute(Plan + "key", line.Sku)),
                            new XElement(Fn + "number", new XAttribute("key", "quantity"), line.Quantity))))))));

    /// <summary>The calls of several plans, in order, as one plan.</summary>
    public static RequestPlan Combine(params XDocument[] plans) =>
        RequestPlan.Parse(Document(plans.SelectMany(p => p.Root!.Elements()).Select(e => new XElement(e)).ToArray()));

    private static XElement ProductBody(ProductData product, bool create) => new(Fn + "map",
        new XElement(Fn + "string", new XAttribute("key", "name"), product.Name),
        create ? new XElement(Fn + "string", new XAttribute("key", "type"), "physical") : null,
        new XElement(Fn + "string", new XAttribute("key", "sku"), product.Sku),
        new XElement(Fn + "number", new XAttribute("key", "price"), product.Price.ToString(CultureInfo.InvariantCulture)),
        new XElement(Fn + "number", new XAttribute("key", "weight"), product.Weight.ToString(CultureInfo.InvariantCulture)),
        new XElement(Fn + "string", new XAttribute("key", "description"), product.Description),
        new XElement(Fn + "boolean", new XAttribute("key", "is_visible"), product.IsVisible ? "true" : "false"),
        new XElement(Fn + "string", new XAttribute("key", "upc"), product.Upc),
        create
            ? new XElement(Fn + "array", new XAttribute("key", "custom_fields"),
                (product.CustomFields ?? []).Select(f => new XElement(Fn + "map",
                    new XElement(Fn + "string", new XAttribute("key", "name"), f.Name),
                    new XElement(Fn + "string", new XAttribute("key", "value"), f.Value))))
            : null);

    private static XDocument Document(params XElement[] calls) =>
        new(new XElement(Plan + "plan", new XAttribute(XNamespace.Xmlns + "fn", JsonXml.Namespace), calls));
}
