using System.Net;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>
/// The bodies the outbound maps send, and the sandbox's answers, against BigCommerce's published OpenAPI files.
/// Also proves the checker can fail: a body that breaks the schema is reported.
/// </summary>
[TestFixture]
public sealed class BigCommerceContractTests
{
    [SetUp]
    public void RequireContracts() => SharedContracts.RequireFolder("bigcommerce");

    [Test]
    public void StockPlanBody_MatchesAbsoluteAdjustmentSchema()
    {
        var body = ResolvedBody(BigCommercePlans.Stock("MSG-1", new("SKU-1", "WH1", 42), new("SKU-2", "WH2", 0)).Calls[0]);

        Assert.That(BigCommerceContract.Validate("PUT", "v3/inventory/adjustments/absolute", body), Is.Empty);
    }

    [Test]
    public void ProductPlanBodies_MatchCreateAndUpdateSchemas()
    {
        var plan = BigCommercePlans.Products(new BigCommercePlans.ProductData(
            "SKU-1", "Oak desk", 199.99m, 1.25m, "<p>Solid oak</p>", IsVisible: true, Upc: "012345678905", CustomFields: [("Material", "Oak")]));

        Assert.That(BigCommerceContract.Validate("POST", "v3/catalog/products", ResolvedBody(plan.Calls[0])), Is.Empty);
        Assert.That(BigCommerceContract.Validate("PUT", "v3/catalog/products/123", ResolvedBody(plan.Calls[1])), Is.Empty);
    }

    [TestCase("PUT", "v3/inventory/adjustments/absolute", """{"items":[{"location_id":"1","sku":"A","quantity":1}]}""")]
    [TestCase("PUT", "v3/inventory/adjustments/absolute", """{"items":[{"sku":"A","quantity":1}]}""")]
    [TestCase("PUT", "v3/inventory/adjustments/absolute", """{"reason":"no items"}""")]
    [TestCase("POST", "v3/catalog/products", """{"name":"x","type":"physical","weight":1,"price":-1}""")]
    [TestCase("POST", "v3/catalog/products", """{"name":"x","type":"physical","weight":1}""")]
    [TestCase("POST", "v3/catalog/products", """{"name":"x","type":"bundle","weight":1,"price":1}""")]
    [TestCase("PUT", "v3/catalog/products/1", """{"custom_fields":[{"name":"","value":"v"}]}""")]
    public void InvalidBody_IsReported(string method, string path, string body)
    {
        Assert.That(BigCommerceContract.Validate(method, path, body), Is.Not.Empty);
    }

    [TestCase("GET", "v3/catalog/brands?x=1")]
    [TestCase("PATCH", "v3/catalog/products")]
    [TestCase("GET", "v3/catalog/products?no_such_filter=1")]
    [TestCase("GET", "v3/catalog/variants?sku:in=A,B")]
    public void UnknownOperationOrParameter_IsReported(string method, string path)
    {
        Assert.That(BigCommerceContract.Validate(method, path, null), Is.Not.Empty);
    }

    [TestCase("v3/inventory/items?sku:in=A&limit=many", "'limit' = 'many' is not an integer")]
    [TestCase("v3/inventory/items?variant_id:in=1,x", "'variant_id:in' item 'x' is not an integer")]
    [TestCase("v3/catalog/products?id:in=1&is_visible=maybe", "'is_visible' = 'maybe' is not a boolean")]
    public void QueryValueOfTheWrongType_IsReported(string path, string problem)
    {
        Assert.That(BigCommerceContract.Validate("GET", path, null), Has.Some.Contains(problem));
    }

    [Test]
    public async Task SandboxVariants_DoNotHonourTheUndeclaredSkuInFilter()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.Seed(["F1", "F2", "F3"]);

        using var byList = await store.Http.GetAsync("v3/catalog/variants?sku:in=F1");
        using var bySku = await store.Http.GetAsync("v3/catalog/variants?sku=F1");

        Assert.That(Skus(await byList.Content.ReadAsStringAsync()), Is.EquivalentTo(new[] { "F1", "F2", "F3" }), "an undeclared filter filters nothing, as on the real API");
        Assert.That(Skus(await bySku.Content.ReadAsStringAsync()), Is.EqualTo(new[] { "F1" }));

        static IEnumerable<string> Skus(string json) =>
            System.Text.Json.Nodes.JsonNode.Parse(json)!["data"]!.AsArray().Select(v => (string)v!["sku"]!).ToList();
    }

    [TestCase("v3/catalog/products?sku:in=A,B&include_fields=sku,name&page=1&limit=50")]
    [TestCase("v3/catalog/products?id:in=1,2")]
    [TestCase("v3/catalog/variants?sku=A")]
    [TestCase("v3/inventory/items?sku:in=A,B&limit=50")]
    public void LookupQueries_AreDeclared(string path)
    {
        Assert.That(BigCommerceContract.Validate("GET", path, null), Is.Empty);
    }

    [Test]
    public async Task SandboxResponses_MatchResponseSchemas()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        var seeded = store.Sandbox.Seed(["R1", "R2"]);
        var problems = new List<string>();

        async Task Check(HttpMethod method, string path, string? body, HttpStatusCode expected)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : BigCommerceTestStore.Json(body) };
            using var response = await store.Http.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(expected), $"{method} {path}");
            problems.AddRange(BigCommerceContract.ValidateResponse(method.Method, path, (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        await Check(HttpMethod.Get, "v3/catalog/products?sku:in=R1,R2", null, HttpStatusCode.OK);
        await Check(HttpMethod.Get, "v3/catalog/variants?sku=R1", null, HttpStatusCode.OK);
        await Check(HttpMethod.Post, "v3/catalog/products",
            """{"name":"New","type":"physical","sku":"R3","price":5,"weight":1,"custom_fields":[{"name":"a","value":"b"}]}""", HttpStatusCode.OK);
        await Check(HttpMethod.Post, "v3/catalog/products", """{"name":"Dup","type":"physical","sku":"R1","price":5,"weight":1}""", HttpStatusCode.Conflict);
        await Check(HttpMethod.Post, "v3/catalog/products", """{"name":"Bad"}""", (HttpStatusCode)422);
        await Check(HttpMethod.Put, $"v3/catalog/products/{seeded[0].Id}", """{"price":6}""", HttpStatusCode.OK);
        await Check(HttpMethod.Put, "v3/catalog/products/987654", """{"price":6}""", HttpStatusCode.NotFound);
        await Check(HttpMethod.Put, "v3/inventory/adjustments/absolute", """{"items":[{"location_id":1,"sku":"R1","quantity":3}]}""", HttpStatusCode.OK);
        await Check(HttpMethod.Put, "v3/inventory/adjustments/absolute", """{"items":[{"location_id":1,"sku":"NONE","quantity":3}]}""", (HttpStatusCode)422);

        Assert.That(problems, Is.Empty);
    }

    private static string ResolvedBody(PlanCall call)
    {
        var (body, unresolved) = PlanReference.Apply(call.Body!, r => r.Kind switch
        {
            "location" => r.Key == "WH1" ? "1" : "2",
            "sku" => r.Key,
            _ => "123",
        });
        Assert.That(unresolved, Is.Null);
        return JsonXml.ToJson(body!);
    }
}
