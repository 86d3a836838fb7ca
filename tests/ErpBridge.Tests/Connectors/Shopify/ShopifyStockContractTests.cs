using System.Net;
using System.Text.Json;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Core.Routing;
using ErpBridge.Sandboxes.Shopify;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>The reconciliation read's requests, the sandbox's answers and its JSONL result, checked against the published 2026-01 schema.</summary>
public sealed class ShopifyStockContractTests
{
    private const string Token = "shpat_stock_contract";

    [SetUp]
    public void RequireSchema() => ShopifyContract.RequireSchema();

    [Test]
    public void StockDocuments_AreValid()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ShopifyContract.Validate(ShopifyDocuments.StockBulkQuery), Is.Empty, "the bulk query itself");
            Assert.That(ShopifyContract.Validate(ShopifyDocuments.RunBulkQuery, JsonSerializer.Serialize(new { query = ShopifyDocuments.StockBulkQuery })), Is.Empty);
            Assert.That(ShopifyContract.Validate(ShopifyDocuments.BulkOperationById, "{\"id\":\"gid://shopify/BulkOperation/1\"}"), Is.Empty);
            Assert.That(ShopifyContract.Validate(ShopifyDocuments.CurrentBulkQuery, "{}"), Is.Empty);
        });
    }

    [Test]
    public async Task ConnectorReadingStock_EveryRequestAnswerAndResultLine_ConformToThePublishedSchema()
    {
        await using var sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, DemoOrders = 0 }, CancellationToken.None);
        sandbox.SetStock(Enumerable.Range(0, 30).Select(i => ($"C-{i}", i % 2 == 0 ? "WH1" : "WH2", (long)i)));
        await using (var connector = (ShopifyConnector)new ShopifyConnectorFactory(new ShopifyConnectorOptions { BulkPollInterval = TimeSpan.FromMilliseconds(20) })
            .Create("shop", new ChannelOptions { Platform = "Shopify", BaseUrl = sandbox.BaseAddress.ToString(), AccessToken = Token }))
        {
            var reading = await ShopifyStock.ReadAsync(connector, 10);
            Assert.That(reading.Levels, Has.Count.EqualTo(60));
        }

        var requests = sandbox.GraphQLRequests;
        Assert.That(requests.Select(r => r.Query).Distinct(), Is.EquivalentTo(new[] { ShopifyDocuments.RunBulkQuery, ShopifyDocuments.BulkOperationById }));
        using var http = new ShopifyGraphQLHttp(sandbox.BaseAddress, Token);
        string? url = null;
        foreach (var request in requests)
        {
            Assert.That(request.Path, Is.EqualTo("/admin/api/2026-01/graphql.json"));
            Assert.That(ShopifyContract.Validate(request.Query, request.VariablesJson), Is.Empty, request.VariablesJson);
            if (request.Query != ShopifyDocuments.BulkOperationById)
            {
                continue;
            }

            var (status, body) = await http.PostAsync(request.Query, JsonSerializer.Deserialize<JsonElement>(request.VariablesJson ?? "{}"));
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ShopifyResponseContract.Check(request.Query, body.GetProperty("data")), Is.Empty, body.ToString());
            url = body.GetProperty("data").GetProperty("bulkOperation").GetProperty("url").GetString();
        }

        Assert.That(url, Is.Not.Null);
        var lines = (await new HttpClient().GetStringAsync(url)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(90), "30 items, each followed by its 2 levels");
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var problems = json.RootElement.TryGetProperty("__parentId", out _)
                ? ShopifyResponseContract.Check(LevelLine, Wrap("inventoryLevel", json.RootElement))
                : ShopifyResponseContract.Check(ItemLine, Wrap("inventoryItem", json.RootElement));
            Assert.That(problems, Is.Empty, line);
        }
    }

    [Test]
    public async Task RunBulkQuery_AnswerConformsToThePublishedSchema()
    {
        await using var sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, DemoOrders = 0 }, CancellationToken.None);
        using var http = new ShopifyGraphQLHttp(sandbox.BaseAddress, Token);

        var data = await http.DataAsync(ShopifyDocuments.RunBulkQuery, new { query = ShopifyDocuments.StockBulkQuery });
        var current = await http.DataAsync(ShopifyDocuments.CurrentBulkQuery);

        Assert.Multiple(() =>
        {
            // The mutation's payload, checked as the same selection read through a query field of the same type.
            Assert.That(ShopifyResponseContract.Check("query { bulkOperation(id: \"x\") { id status } }", Wrap("bulkOperation", data.GetProperty("bulkOperationRunQuery").GetProperty("bulkOperation"))), Is.Empty);
            Assert.That(data.GetProperty("bulkOperationRunQuery").GetProperty("userErrors").GetArrayLength(), Is.Zero);
            Assert.That(ShopifyResponseContract.Check(ShopifyDocuments.CurrentBulkQuery, current), Is.Empty, current.ToString());
        });
    }

    /// <summary>An item line (without its nested connection, which Shopify writes as the following lines).</summary>
    private const string ItemLine = "query { inventoryItem(id: \"x\") { id sku } }";

    /// <summary>A level line; <c>__parentId</c> is the JSONL link, not a schema field, and is taken off before the check.</summary>
    private const string LevelLine = "query { inventoryLevel(id: \"x\") { location { id name } quantities(names: [\"available\"]) { name quantity } } }";

    private static JsonElement Wrap(string field, JsonElement value)
    {
        var copy = new Dictionary<string, JsonElement>();
        foreach (var property in value.EnumerateObject().Where(p => p.Name != "__parentId"))
        {
            copy[property.Name] = property.Value;
        }

        return JsonSerializer.SerializeToElement(new Dictionary<string, object> { [field] = copy });
    }
}
