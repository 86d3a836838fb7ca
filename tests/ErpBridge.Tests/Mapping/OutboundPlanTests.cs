using System.Text.Json;
using System.Xml.Linq;
using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Mapping;

/// <summary>
/// What the outbound maps produce is a plan the connectors can run: it parses, its references are of kinds the
/// platform's connector resolves, and every body becomes JSON once references are filled in.
/// </summary>
public sealed class OutboundPlanTests
{
    private static readonly Dictionary<string, string[]> Kinds = new()
    {
        ["shopify"] = ["variant", "inventory-item", "product", "location", "fulfillment-order", "fulfillment-order-line-item", "fulfillment", "priced-product"],
        ["bigcommerce"] = ["product", "variant", "sku", "priced-product", "unpriced-product", "location", "order", "order-address", "order-product", "order-shipment"],
        ["woocommerce"] = ["product", "priced-product", "unpriced-product", "variation", "variation-parent", "stock-item", "order", "order-item", "fulfillment", "order-shipment", "order-note", "order-completion"],
        ["magento"] = ["source", "sku", "priced-product", "unpriced-product", "order", "order-item", "shipment"],
        ["api2cart"] = ["product", "priced-product", "unpriced-product", "warehouse", "order", "order-product", "order-shipment"],
        ["zoho-inventory"] = ["item", "location", "stock-delta", "adjustment"],
        ["shipstation"] = [],
    };

    public static IEnumerable<TestCaseData> OutboundExpectedOutputs() =>
        GoldenCases.Discover(RepositoryFolders.Xslt)
            .Where(c => c.MapName.StartsWith("outbound/", StringComparison.Ordinal) && !c.ExpectsError)
            .Select(c => new TestCaseData(c).SetName($"OutboundExpected {c.MapName} {c.Name} is a runnable plan"));

    [TestCaseSource(nameof(OutboundExpectedOutputs))]
    public void ExpectedOutput_ParsesAndEveryBodyConvertsToJson(GoldenCase goldenCase)
    {
        var platform = goldenCase.MapName.Split('/')[1];
        var plan = RequestPlan.Parse(CanonicalXml.Load(goldenCase.ExpectedPath));

        Assert.That(plan.Calls, Is.Not.Empty);
        foreach (var call in plan.Calls)
        {
            Assert.That(call.Body, Is.Not.Null, call.Id);
            var references = PlanReference.Collect(call.Body!);
            Assert.That(references.Select(r => r.Kind).Distinct(), Is.SubsetOf(Kinds[platform]), call.Id);
            // A price-draft condition is the bridge's own (its record of products drafted for lack of a price), on every platform.
            var conditions = call.Condition is null || call.Condition.Kind == PlanCall.PriceDraftKind ? [] : new[] { call.Condition.Kind };
            Assert.That(call.PathParameters.Select(p => p.Kind).Concat(conditions).Distinct(), Is.SubsetOf(Kinds[platform]), call.Id);

            var (found, _) = PlanReference.Apply(call.Body!, r => platform == "shopify" ? $"gid://shopify/{r.Kind}/1" : "42");
            var (missing, unresolved) = PlanReference.Apply(call.Body!, r => r.Kind == "location" ? (platform == "bigcommerce" ? "1" : "gid://shopify/Location/1") : null);

            // Every body is a JSON object, except BigCommerce's batch product update, which the API takes as an array.
            var root = (call.Method, call.Path) == ("PUT", "v3/catalog/products") && platform == "bigcommerce" ? JsonValueKind.Array : JsonValueKind.Object;
            using var json = JsonDocument.Parse(JsonXml.ToJson(found!));
            Assert.That(json.RootElement.ValueKind, Is.EqualTo(root));
            if (unresolved is null)
            {
                using var withoutIds = JsonDocument.Parse(JsonXml.ToJson(missing!));
                Assert.That(withoutIds.RootElement.ValueKind, Is.EqualTo(root));
            }
        }
    }

    [Test]
    public void BigCommerceStock_SplitsAt2000Items()
    {
        var plan = RunPlan("outbound/bigcommerce/Inventory", Inventory(4500), "split");

        var sizes = plan.Calls.Select(c => Json(c, "42").RootElement.GetProperty("items").GetArrayLength()).ToList();

        Assert.That(sizes, Is.EqualTo(new[] { 2000, 2000, 500 }));
        Assert.That(plan.Calls.Select(c => c.Path).Distinct(), Is.EqualTo(new[] { "v3/inventory/adjustments/absolute" }));
        Assert.That(plan.Calls.Select(c => c.Method).Distinct(), Is.EqualTo(new[] { "PUT" }));
    }

    [Test]
    public void BigCommerceStock_LocationIdIsAJsonNumber()
    {
        var plan = RunPlan("outbound/bigcommerce/Inventory", Inventory(1), "one");

        var item = Json(plan.Calls[0], "17").RootElement.GetProperty("items")[0];

        Assert.That(item.GetProperty("location_id").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(item.GetProperty("location_id").GetInt32(), Is.EqualTo(17));
        Assert.That(item.GetProperty("quantity").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void ShopifyStock_SendsQuantitiesWithAnExplicitNullCompareValueAndTheIdempotencyKey()
    {
        var plan = RunPlan("outbound/shopify/Inventory", Inventory(2), "key-123");

        var variables = Json(plan.Calls[0], "gid://shopify/X/1").RootElement.GetProperty("variables");
        var first = variables.GetProperty("input").GetProperty("quantities")[0];

        Assert.That(variables.GetProperty("idempotencyKey").GetString(), Is.EqualTo("key-123"));
        Assert.That(variables.GetProperty("input").GetProperty("referenceDocumentUri").GetString(), Is.EqualTo("gid://erpbridge/Message/M-1"));
        Assert.That(first.GetProperty("changeFromQuantity").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(first.GetProperty("quantity").ValueKind, Is.EqualTo(JsonValueKind.Number));
    }

    [Test]
    public void ShopifyProducts_NewSkuSendsNoIdentifierAndNoVariantId()
    {
        var plan = RunPlan("outbound/shopify/Products", XDocument.Load(CasePath("shopify/Products", "single-product")), "k");

        var (body, unresolved) = PlanReference.Apply(plan.Calls[0].Body!, _ => null);
        using var json = JsonDocument.Parse(JsonXml.ToJson(body!));
        var variables = json.RootElement.GetProperty("variables");

        Assert.That(unresolved, Is.Null);
        Assert.That(variables.TryGetProperty("identifier", out _), Is.False);
        Assert.That(variables.GetProperty("input").GetProperty("variants")[0].TryGetProperty("id", out _), Is.False);
    }

    [Test]
    public void JsonEscapingCase_ArrivesAsTheSameTextOnBothPlatforms()
    {
        var input = XDocument.Load(CasePath("shopify/Products", "json-escaping"));
        XNamespace prd = "urn:erpbridge:products:v1";
        var title = (string)input.Descendants(prd + "Title").Single();
        var sku = (string)input.Descendants(prd + "Sku").Single();

        var shopify = Json(RunPlan("outbound/shopify/Products", input, "k").Calls[0], "gid://shopify/Product/1").RootElement;
        var bigCommerce = Json(RunPlan("outbound/bigcommerce/Products", input, "k").Calls[0], "1").RootElement;

        Assert.That(title, Does.Contain("\"").And.Contain("\\").And.Contain("🍳"));
        Assert.That(shopify.GetProperty("variables").GetProperty("input").GetProperty("title").GetString(), Is.EqualTo(title));
        Assert.That(shopify.GetProperty("variables").GetProperty("input").GetProperty("variants")[0].GetProperty("sku").GetString(), Is.EqualTo(sku));
        Assert.That(bigCommerce.GetProperty("name").GetString(), Is.EqualTo(title));
        Assert.That(bigCommerce.GetProperty("description").GetString(), Does.Contain("5 &lt; 6 &amp; 7 &gt; 3<br>Line two with &quot;quotes&quot; and a back\\slash\ttab."));
    }

    private static string CasePath(string map, string name) =>
        Path.Combine(RepositoryFolders.Xslt, "outbound", map + ".cases", name, "input.xml");

    private static RequestPlan RunPlan(string map, XDocument input, string key)
    {
        using var engine = RepositoryMaps.Open();
        return RequestPlan.Parse(engine.Transform(map, input, new Dictionary<string, string>
        {
            ["message-id"] = "M-1",
            ["channel"] = "test",
            ["idempotency-key"] = key,
        }));
    }

    private static JsonDocument Json(PlanCall call, string id)
    {
        var (body, unresolved) = PlanReference.Apply(call.Body!, _ => id);
        Assert.That(unresolved, Is.Null);
        return JsonDocument.Parse(JsonXml.ToJson(body!));
    }

    private static XDocument Inventory(int count)
    {
        XNamespace inv = "urn:erpbridge:inventory:v1";
        return new XDocument(new XElement(
            inv + "SubmitInventory",
            new XElement(inv + "MessageId", "M-1"),
            new XElement(inv + "SentAt", "2026-11-25T10:00:00Z"),
            new XElement(inv + "SourceSystem", "SAP"),
            new XElement(inv + "Items", Enumerable.Range(1, count).Select(i => new XElement(
                inv + "Item",
                new XElement(inv + "Sku", $"SKU-{i}"),
                new XElement(inv + "Location", "WH"),
                new XElement(inv + "Quantity", i))))));
    }
}
