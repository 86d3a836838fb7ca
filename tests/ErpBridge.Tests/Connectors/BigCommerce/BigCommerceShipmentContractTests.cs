using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using Shipment = ErpBridge.Tests.Support.CanonicalShipment;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>
/// The shipment bodies the map sends and the sandbox's v2 answers against BigCommerce's published orders v2 file;
/// and proof that the checker catches a body that breaks the schema.
/// </summary>
[TestFixture]
public sealed class BigCommerceShipmentContractTests
{
    [SetUp]
    public void RequireContracts() => SharedContracts.RequireFolder("bigcommerce");

    [Test]
    public void ShipmentPlanBody_MatchesCreateShipmentSchema()
    {
        var plan = BigCommerceShipmentMessages.Plan("bc", "SHP-1",
            new Shipment("bc", "1001", "S-1", "UPS", "1Z999", "https://example.com/t/1Z999", ("SKU-1", 2), ("SKU-2", 1)));
        var (body, unresolved) = PlanReference.Apply(plan.Calls.Single().Body!, _ => "7");

        Assert.That(unresolved, Is.Null);
        Assert.That(BigCommerceContract.Validate("POST", "v2/orders/1001/shipments", JsonXml.ToJson(body!)), Is.Empty);
    }

    [TestCase("""{"order_address_id":"7","items":[{"order_product_id":1,"quantity":1}]}""")]
    [TestCase("""{"order_address_id":7,"items":[{"order_product_id":"1","quantity":1}]}""")]
    [TestCase("""{"order_address_id":7,"tracking_number":"123456789012345678901234567890123456789012345678901","items":[]}""")]
    public void CreateShipmentBodyThatBreaksTheSchema_IsReported(string body) =>
        Assert.That(BigCommerceContract.Validate("POST", "v2/orders/1001/shipments", body), Is.Not.Empty);

    [Test]
    public void UndeclaredQueryParameterOnAV2Call_IsReported() =>
        Assert.That(BigCommerceContract.Validate("GET", "v2/orders/1001/products?sku=A", null), Is.Not.Empty);

    [TestCase("v2/orders/1001/products", """[{"id":"one","sku":1}]""")]
    [TestCase("v2/orders/1001/shipments", """[{"id":1,"tracking_number":7}]""")]
    public void V2AnswerThatBreaksTheSchema_IsReported(string path, string body) =>
        Assert.That(BigCommerceContract.ValidateResponse("GET", path, 200, body), Is.Not.Empty);

    [Test]
    public async Task SandboxV2Answers_MatchTheResponseSchemas()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        var order = store.Sandbox.SeedOrder(1001, [("SKU-1", 2)]);
        using var created = await store.Http.PostAsync("v2/orders/1001/shipments", BigCommerceTestStore.Json(
            $$"""{"order_address_id":{{order.ShippingAddresses[0].Id}},"tracking_number":"T1","tracking_carrier":"ups","comments":"ERP shipment: S-1","items":[{"order_product_id":{{order.Products[0].Id}},"quantity":1}]}"""));
        var problems = BigCommerceContract.ValidateResponse("POST", "v2/orders/1001/shipments", (int)created.StatusCode, await created.Content.ReadAsStringAsync()).ToList();
        foreach (var path in new[] { "v2/orders/1001", "v2/orders/1001/products", "v2/orders/1001/shipping_addresses", "v2/orders/1001/shipments" })
        {
            using var response = await store.Http.GetAsync(path);
            problems.AddRange(BigCommerceContract.ValidateResponse("GET", path, (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.That((int)created.StatusCode, Is.EqualTo(201));
        Assert.That(problems, Is.Empty);
    }
}
