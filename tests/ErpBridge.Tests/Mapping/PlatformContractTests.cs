using System.Text.Json;
using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Mapping;

/// <summary>
/// The bodies the outbound maps write use only fields the platforms publish, with the right types: Shopify's
/// variables are checked against the pinned Admin API SDL, BigCommerce's bodies against its OpenAPI schemas.
/// </summary>
public sealed class PlatformContractTests
{
    public static IEnumerable<TestCaseData> ShopifyCases() => Outbound("shopify");

    public static IEnumerable<TestCaseData> BigCommerceCases() => Outbound("bigcommerce");

    [TestCaseSource(nameof(ShopifyCases))]
    public void ShopifyVariables_MatchTheAdminApiSchema(GoldenCase goldenCase)
    {
        var schema = new GraphQlInputSchema(File.ReadAllText(RepositoryFolders.Contract("shopify/admin-2026-01.schema.graphql")));
        foreach (var call in RequestPlan.Parse(CanonicalXml.Load(goldenCase.ExpectedPath)).Calls)
        {
            Assert.That((call.Method, call.Path), Is.EqualTo(("POST", "graphql.json")));
            foreach (var resolved in new[] { true, false })
            {
                using var body = Body(call, r => resolved || r.Missing == MissingReference.Fail ? $"gid://shopify/{r.Kind}/1" : null);
                var query = body.RootElement.GetProperty("query").GetString()!;
                var declared = GraphQlInputSchema.Variables(query);
                var variables = body.RootElement.GetProperty("variables");

                Assert.That(variables.EnumerateObject().Select(p => p.Name), Is.SubsetOf(declared.Keys), "undeclared variables");
                var problems = declared.SelectMany(v => variables.TryGetProperty(v.Key, out var value)
                    ? schema.Check(value, v.Value, "$" + v.Key)
                    : v.Value.EndsWith('!') ? [$"${v.Key} ({v.Value}) is missing"] : []).ToList();
                Assert.That(problems, Is.Empty, $"{call.Id}, references {(resolved ? "found" : "missing")}");
                Assert.That(schema.HasDirective("idempotent") || !query.Contains("@idempotent", StringComparison.Ordinal), Is.True);
                Assert.That(
                    new[] { "inventorySetQuantities", "productSet", "productVariantsBulkUpdate" }.Where(m => query.Contains(m + "(", StringComparison.Ordinal)).All(schema.HasMutation),
                    Is.True);
            }
        }
    }

    [Test]
    public void ShopifySchemaCheck_CatchesAWrongFieldAndAWrongEnum()
    {
        var schema = new GraphQlInputSchema(File.ReadAllText(RepositoryFolders.Contract("shopify/admin-2026-01.schema.graphql")));
        using var wrong = JsonDocument.Parse("""{"title":"x","status":"LIVE","bodyHtml":"<p/>"}""");

        var problems = schema.Check(wrong.RootElement, "ProductSetInput!", "$input").ToList();

        Assert.That(problems, Has.Some.Contains("bodyHtml"));
        Assert.That(problems, Has.Some.Contains("ProductStatus"));
    }

    [TestCaseSource(nameof(BigCommerceCases))]
    public void BigCommerceBodies_UseOnlyPublishedFields(GoldenCase goldenCase)
    {
        var inventory = File.ReadAllText(RepositoryFolders.Contract("bigcommerce/inventory.v3.yml"));
        var catalog = File.ReadAllText(RepositoryFolders.Contract("bigcommerce/products_catalog.v3.yml"));
        foreach (var call in RequestPlan.Parse(CanonicalXml.Load(goldenCase.ExpectedPath)).Calls)
        {
            using var body = Body(call, _ => "42");
            if ((call.Method, call.Path) == ("PUT", "v3/catalog/products"))
            {
                // "Update Products (Batch)": the one BigCommerce body that is an array.
                Assert.That(catalog, Does.Contain("summary: Update Products (Batch)"));
                var (batchUpdate, _) = OpenApiSchemaText.Schema(catalog, "product_Put");
                Assert.That(body.RootElement.GetArrayLength(), Is.InRange(1, 10), "Batches are limited to 10 products");
                foreach (var product in body.RootElement.EnumerateArray())
                {
                    var fields = product.EnumerateObject().Select(p => p.Name).ToList();
                    Assert.That(fields, Does.Contain("id"), "id is required for batch updates");
                    Assert.That(fields.Where(f => f != "id"), Is.SubsetOf(batchUpdate));
                    Assert.That(product.GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.Number));
                }

                continue;
            }

            var keys = body.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            switch (call.Method, call.Path)
            {
                case ("PUT", "v3/inventory/adjustments/absolute"):
                    Assert.That(inventory, Does.Contain("'/inventory/adjustments/absolute':"));
                    var (top, _) = OpenApiSchemaText.Schema(inventory, "AdjustmentsAbsoluteRequest");
                    var itemFields = OpenApiSchemaText.AllPropertyNames(inventory, "AdjustmentsAbsoluteRequest");
                    Assert.That(keys, Is.SubsetOf(top));
                    var items = body.RootElement.GetProperty("items");
                    Assert.That(items.GetArrayLength(), Is.InRange(1, 2000));
                    foreach (var item in items.EnumerateArray())
                    {
                        Assert.That(item.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "location_id", "sku", "quantity" }));
                        Assert.That(item.GetProperty("location_id").ValueKind, Is.EqualTo(JsonValueKind.Number));
                        Assert.That(item.GetProperty("quantity").ValueKind, Is.EqualTo(JsonValueKind.Number));
                    }

                    Assert.That(new[] { "location_id", "sku", "quantity" }, Is.SubsetOf(itemFields));
                    break;
                case ("POST", "v3/catalog/products"):
                    Assert.That(catalog, Does.Contain("'/catalog/products':"));
                    var (create, required) = OpenApiSchemaText.Schema(catalog, "product_Base_POST");
                    Assert.That(keys, Is.SubsetOf(create));
                    Assert.That(required, Is.SubsetOf(keys), "the API's required fields");
                    CheckCustomFields(body.RootElement, catalog);
                    break;
                case ("PUT", "v3/catalog/products/{id}"):
                    Assert.That(catalog, Does.Contain("'/catalog/products/{product_id}':"));
                    var (update, _) = OpenApiSchemaText.Schema(catalog, "product_Put");
                    Assert.That(keys, Is.SubsetOf(update));
                    Assert.That(keys, Does.Not.Contain("custom_fields"), "custom fields without ids would be added again on every update");
                    // A product without a price is updated through whichever of the price kinds the store's product is.
                    Assert.That(call.PathParameters.Select(p => (p.Name, p.Kind)), Is.EqualTo(new[] { ("id", "product") }).Or.EqualTo(new[] { ("id", "priced-product") }).Or.EqualTo(new[] { ("id", "unpriced-product") }));
                    break;
                case ("POST", "v2/orders/{order}/shipments"):
                    var orders = File.ReadAllText(RepositoryFolders.Contract("bigcommerce/orders.v2.oas2.yml"));
                    Assert.That(orders, Does.Contain("'/orders/{order_id}/shipments':"));
                    var (shipment, _) = OpenApiSchemaText.Schema(orders, "orderShipment_Post");
                    Assert.That(keys, Is.SubsetOf(shipment));
                    Assert.That(new[] { "order_address_id", "items" }, Is.SubsetOf(keys), "the API's required fields");
                    Assert.That(call.PathParameters.Select(p => (p.Name, p.Kind)), Is.EqualTo(new[] { ("order", "order") }));
                    break;
                default:
                    Assert.Fail($"{call.Id}: {call.Method} {call.Path} is not a call the BigCommerce maps are agreed to make.");
                    break;
            }
        }
    }

    private static void CheckCustomFields(JsonElement product, string catalog)
    {
        if (!product.TryGetProperty("custom_fields", out var fields))
        {
            return;
        }

        var (allowed, required) = OpenApiSchemaText.Schema(catalog, "productCustomField_Base");
        foreach (var field in fields.EnumerateArray())
        {
            Assert.That(field.EnumerateObject().Select(p => p.Name), Is.SubsetOf(allowed));
            Assert.That(required, Is.SubsetOf(field.EnumerateObject().Select(p => p.Name)));
            Assert.That(field.GetProperty("value").GetString(), Has.Length.InRange(1, 250));
            Assert.That(field.GetProperty("name").GetString(), Has.Length.InRange(1, 250));
        }
    }

    private static JsonDocument Body(PlanCall call, Func<PlanReference, string?> resolve)
    {
        var (body, unresolved) = PlanReference.Apply(call.Body!, resolve);
        Assert.That(unresolved, Is.Null, $"{call.Id}: reference {unresolved?.Kind} {unresolved?.Key} may not be missing");
        return JsonDocument.Parse(JsonXml.ToJson(body!));
    }

    private static IEnumerable<TestCaseData> Outbound(string platform) =>
        GoldenCases.Discover(RepositoryFolders.Xslt)
            .Where(c => c.MapName.StartsWith($"outbound/{platform}/", StringComparison.Ordinal) && !c.ExpectsError)
            .Select(c => new TestCaseData(c).SetName($"Contract {c.MapName} {c.Name}"));
}
