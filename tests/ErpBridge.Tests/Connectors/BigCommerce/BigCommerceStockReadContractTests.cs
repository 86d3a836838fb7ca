using ErpBridge.Connectors.BigCommerce;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>
/// The stock read against BigCommerce's published inventory v3 file: every request the connector makes (path and
/// query parameters) and the sandbox's inventory item pages; and proof that the checker catches a page that breaks the schema.
/// </summary>
[TestFixture]
public sealed class BigCommerceStockReadContractTests
{
    [SetUp]
    public void RequireContracts() => SharedContracts.RequireFolder("bigcommerce");

    [Test]
    public async Task StockReadRequestsAndAnswers_MatchTheInventoryV3Contract()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.SetStock([("SKU-1", "WH1", 4), ("SKU-1", "WH2", 0), ("SKU-2", "WH2", 9), ("SKU-3", "WH1", -2)]);
        store.Sandbox.Seed(["SKU-NO-STOCK"]);
        store.Sandbox.SetSafetyStock("SKU-1", "WH1", 1);
        await using (var connector = (BigCommerceConnector)new BigCommerceConnectorFactory().Create("bc-test", store.Channel()))
        {
            var read = await BigCommerceStockReading.ReadAsync(connector, pageSize: 2);
            Assert.That(read.Pages, Is.EqualTo(2));
        }

        var sent = store.Sandbox.Requests;
        Assert.That(sent, Has.Count.EqualTo(2).And.All.Property("Path").EqualTo("v3/inventory/items"));
        var problems = sent.SelectMany(r => BigCommerceContract.Validate(r.Method, r.Path + r.Query, r.Body)).ToList();
        foreach (var path in new[]
        {
            "v3/inventory/items?page=1&limit=2", "v3/inventory/items?page=2&limit=2", "v3/inventory/items",
            "v3/inventory/items?sku:in=SKU-1,SKU-2&location_code:in=WH2", "v3/inventory/items?location_id:in=1&page=9&limit=1000",
        })
        {
            problems.AddRange(BigCommerceContract.Validate("GET", path, null));
            using var response = await store.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.That((int)response.StatusCode, Is.EqualTo(200), path);
            problems.AddRange(BigCommerceContract.ValidateResponse("GET", path, 200, await response.Content.ReadAsStringAsync()));
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void StockReadQueryParameterTheFileDoesNotDeclare_IsReported() =>
        Assert.That(BigCommerceContract.Validate("GET", "v3/inventory/items?cursor=abc&limit=1000", null), Is.Not.Empty);

    [TestCase("""{"data":[{"identity":{"sku":130}}]}""")]
    [TestCase("""{"data":[{"identity":{"sku":"A"},"locations":[{"location_id":1,"total_inventory_onhand":"11"}]}]}""")]
    [TestCase("""{"data":[{"identity":{"sku":"A"},"locations":{"location_id":1}}]}""")]
    [TestCase("""{"data":[],"meta":{"pagination":{"total_pages":"1"}}}""")]
    public void InventoryItemsAnswerThatBreaksTheSchema_IsReported(string body) =>
        Assert.That(BigCommerceContract.ValidateResponse("GET", "v3/inventory/items", 200, body), Is.Not.Empty);
}
