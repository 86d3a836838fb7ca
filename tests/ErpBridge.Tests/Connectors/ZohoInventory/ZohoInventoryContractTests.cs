using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Tests.Connectors.BigCommerce;

namespace ErpBridge.Tests.Connectors.ZohoInventory;

/// <summary>
/// Every request the connector sends to the sandbox, and every answer the sandbox gives, against Zoho's published
/// OpenAPI files; and proof that the checker can fail.
/// </summary>
[TestFixture]
public sealed class ZohoInventoryContractTests
{
    [SetUp]
    public void RequireContracts() => SharedContracts.RequireFolder("zoho-inventory");

    [Test]
    public async Task ConnectorTraffic_AndTheSandboxsAnswers_MatchTheContract()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();
        org.Sandbox.SetStock("C-1", "WH1", 4);
        org.Sandbox.SetStock("C-2", "WH2", 9);

        Assert.That(await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("C-1", "WH1", 10), ("C-2", "WH2", 1), ("NONE", "WH1", 2)), CancellationToken.None), Is.TypeOf<DeliveryOutcome.Delivered>());
        Assert.That(await org.Connector.ExecuteAsync(ZohoTestOrganisation.Product("P-1", "NEW-1", "Shoe", 12.5m), CancellationToken.None), Is.TypeOf<DeliveryOutcome.Delivered>());
        Assert.That(await org.Connector.ExecuteAsync(ZohoTestOrganisation.Product("P-2", "NEW-1", "Shoe, light", null, "blocked"), CancellationToken.None), Is.TypeOf<DeliveryOutcome.Delivered>());
        Assert.That(await org.Connector.ExecuteAsync(ZohoTestOrganisation.Product("P-3", "NEW-2", "", 1m), CancellationToken.None), Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        org.Sandbox.RevokeTokens();
        Assert.That((await org.Connector.ReadStockAsync(new StockQuery(null, 200), CancellationToken.None)).Failure, Is.Null);

        var api = org.Sandbox.Requests.Where(r => r.Path != "oauth/v2/token").ToList();
        Assert.That(api.Select(r => $"{r.Method} {r.Path.Split('/')[0]}").Distinct(), Is.SupersetOf(new[] { "GET inventoryadjustments", "GET items", "GET locations", "POST inventoryadjustments", "POST items", "PUT items" }));
        Assert.That(api.Select(r => r.Status), Does.Contain(401).And.Contain(400), "error answers are checked too");
        var problems = api.SelectMany(r => ZohoInventoryContract.Validate(r.Method, r.Path + r.Query, r.Body)
            .Concat(ZohoInventoryContract.ValidateResponse(r.Method, r.Path, r.Status, r.ResponseBody!))).ToList();
        Assert.That(problems, Is.Empty);
    }

    [TestCase("POST", "inventoryadjustments", """{"date":"2026-12-08","reason":"x","adjustment_type":"quantity"}""")]
    [TestCase("POST", "inventoryadjustments", """{"date":"2026-12-08","reason":"x","adjustment_type":"value","line_items":[{"item_id":"1","quantity_adjusted":1}]}""")]
    [TestCase("POST", "inventoryadjustments", """{"date":"2026-12-08","reason":"x","adjustment_type":"quantity","line_items":[{"item_id":"1","quantity_adjusted":"one"}]}""")]
    [TestCase("POST", "items", """{"sku":"no name"}""")]
    [TestCase("PUT", "items/1", """{"name":"x","ean":"not a number"}""")]
    public void InvalidBody_IsReported(string method, string path, string body)
    {
        Assert.That(ZohoInventoryContract.Validate(method, path + "?organization_id=1", body), Is.Not.Empty);
    }

    [TestCase("GET", "items?organization_id=1&no_such_filter=1")]
    [TestCase("GET", "items?sku=A")]
    [TestCase("PATCH", "items/1?organization_id=1")]
    [TestCase("GET", "warehouses?organization_id=1")]
    [TestCase("GET", "items?organization_id=1&page=first")]
    public void UnknownOperationParameterOrMissingOrganisation_IsReported(string method, string path)
    {
        Assert.That(ZohoInventoryContract.Validate(method, path, null), Is.Not.Empty);
    }

    [TestCase(200, """{"code":0,"message":"success","items":[{"item_id":"1","sku":"A","rate":"cheap"}]}""")]
    [TestCase(400, """{"error":"no envelope"}""")]
    [TestCase(400, """{"code":0,"message":"an error with code 0"}""")]
    public void InvalidAnswer_IsReported(int status, string body)
    {
        Assert.That(ZohoInventoryContract.ValidateResponse("GET", "items", status, body), Is.Not.Empty);
    }
}
