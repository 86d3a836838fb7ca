using System.Net;
using System.Net.Http.Headers;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Sandboxes.Shopify;
using ErpBridge.Tests.Connectors.Shopify;

namespace ErpBridge.Tests.Sandboxes.Shopify;

/// <summary>The sandbox's bulk operations over HTTP, as a client other than the connector sees them.</summary>
public sealed class ShopifyBulkSandboxTests
{
    private const string Token = "shpat_bulk_sandbox";

    private ShopifySandbox sandbox = null!;
    private ShopifyGraphQLHttp http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, DemoOrders = 0, BulkOperationDelay = TimeSpan.FromMilliseconds(300) }, CancellationToken.None);
        http = new ShopifyGraphQLHttp(sandbox.BaseAddress, Token);
    }

    [TearDown]
    public async Task StopAsync()
    {
        http.Dispose();
        await sandbox.DisposeAsync();
    }

    [Test]
    public async Task RunQuery_WhileOneRuns_IsRefusedWithOperationInProgress()
    {
        var first = await http.DataAsync(ShopifyDocuments.RunBulkQuery, new { query = ShopifyDocuments.StockBulkQuery });
        var second = await http.DataAsync(ShopifyDocuments.RunBulkQuery, new { query = ShopifyDocuments.StockBulkQuery });

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("bulkOperationRunQuery").GetProperty("bulkOperation").GetProperty("status").GetString(), Is.EqualTo("CREATED"));
            Assert.That(second.GetProperty("bulkOperationRunQuery").GetProperty("bulkOperation").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(second.GetProperty("bulkOperationRunQuery").GetProperty("userErrors")[0].GetProperty("code").GetString(), Is.EqualTo("OPERATION_IN_PROGRESS"));
        });
    }

    [TestCase("{ inventoryItems { edges { node { id nope } } } }")]
    [TestCase("{ locations(first: 5) { nodes { id } } product(id: \"gid://shopify/Product/1\") { id } }")]
    [TestCase("{ product(id: \"gid://shopify/Product/1\") { id } }")]
    public async Task RunQuery_InvalidBulkQuery_IsAUserError(string query)
    {
        var data = await http.DataAsync(ShopifyDocuments.RunBulkQuery, new { query });

        Assert.That(data.GetProperty("bulkOperationRunQuery").GetProperty("userErrors")[0].GetProperty("code").GetString(), Is.EqualTo("INVALID"));
    }

    [Test]
    public async Task CompletedOperation_ResultIsSignedJsonlWithRangeSupport()
    {
        sandbox.SetStock([("A-1", "WH1", 4), ("A-1", "WH2", 5), ("B-2", "WH1", 6)]);
        var url = await CompletedUrlAsync();
        using var client = new HttpClient();

        var whole = await client.GetStringAsync(url);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(10, null) } };
        using var partial = await client.SendAsync(ranged);
        var unsigned = await client.GetAsync(url.Split('?')[0]);
        var tampered = await client.GetAsync(url[..^1] + (url[^1] == '0' ? '1' : '0'));

        var lines = whole.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(6), "2 items, each followed by its levels at both locations");
            Assert.That(lines[0], Does.Contain("\"sku\":\"A-1\"").And.Not.Contain("__parentId"));
            Assert.That(lines[1], Does.Contain("\"__parentId\":\"gid://shopify/InventoryItem/").And.Contain("\"name\":\"WH1\"").And.Contain("\"quantity\":4"));
            Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
            Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(tampered.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
        Assert.That(await partial.Content.ReadAsStringAsync(), Is.EqualTo(whole[10..]));
    }

    [Test]
    public async Task CompletedOperation_StatusCountsAndCurrent()
    {
        sandbox.SetStock([("A-1", "WH1", 4)]);
        var url = await CompletedUrlAsync();

        var current = (await http.DataAsync("query { currentBulkOperation { id status objectCount rootObjectCount fileSize url } }")).GetProperty("currentBulkOperation");

        Assert.Multiple(() =>
        {
            Assert.That(current.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));
            Assert.That(current.GetProperty("objectCount").GetString(), Is.EqualTo("3"), "one item and its two levels");
            Assert.That(current.GetProperty("rootObjectCount").GetString(), Is.EqualTo("1"));
            Assert.That(long.Parse(current.GetProperty("fileSize").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
            Assert.That(current.GetProperty("url").GetString(), Is.EqualTo(url));
        });
    }

    private async Task<string> CompletedUrlAsync()
    {
        var run = await http.DataAsync(ShopifyDocuments.RunBulkQuery, new { query = ShopifyDocuments.StockBulkQuery });
        var id = run.GetProperty("bulkOperationRunQuery").GetProperty("bulkOperation").GetProperty("id").GetString();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var operation = (await http.DataAsync(ShopifyDocuments.BulkOperationById, new { id })).GetProperty("bulkOperation");
            if (operation.GetProperty("status").GetString() == "COMPLETED")
            {
                return operation.GetProperty("url").GetString()!;
            }

            await Task.Delay(50);
        }

        throw new AssertionException("the bulk operation did not complete");
    }
}
