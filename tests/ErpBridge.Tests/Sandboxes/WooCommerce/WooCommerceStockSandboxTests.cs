using System.Net.Http.Json;
using ErpBridge.Tests.Connectors.WooCommerce;
using static ErpBridge.Tests.Connectors.WooCommerce.WooCommerceStockReads;

namespace ErpBridge.Tests.Sandboxes.WooCommerce;

/// <summary>The sandbox's side of bulk stock reads: product order, stock seeding, the host rate limit, and the contract of what is read.</summary>
[TestFixture]
public sealed class WooCommerceStockSandboxTests
{
    private WooCommerceTestStore store = null!;

    [SetUp]
    public async Task StartStore() => store = await WooCommerceTestStore.StartAsync();

    [TearDown]
    public async Task StopStore() => await store.DisposeAsync();

    [Test]
    public async Task Products_AreNewestFirstByDefault_AndInIdOrderWithOrderAsc()
    {
        store.Sandbox.SetStock(Enumerable.Range(1, 5).Select(i => ($"P-{i}", (long)i)));

        var byDefault = await store.SendAsync(HttpMethod.Get, "products", query: [("per_page", "2")]);
        var ascending = await store.SendAsync(HttpMethod.Get, "products", query: [("orderby", "id"), ("order", "asc"), ("per_page", "2"), ("page", "3")]);
        var wrong = await store.SendAsync(HttpMethod.Get, "products", query: [("order", "up")]);

        Assert.That(byDefault.Json.EnumerateArray().Select(p => p.GetProperty("sku").GetString()), Is.EqualTo(new[] { "P-5", "P-4" }));
        Assert.That(ascending.Json.EnumerateArray().Select(p => p.GetProperty("sku").GetString()), Is.EqualTo(new[] { "P-5" }));
        Assert.That(ascending.Headers["X-WP-Total"], Is.EqualTo("5"));
        Assert.That(ascending.Headers["X-WP-TotalPages"], Is.EqualTo("3"));
        Assert.That(wrong.Status, Is.EqualTo(400));
        Assert.That(wrong.Code, Is.EqualTo("rest_invalid_param"));
    }

    [Test]
    public void SetStock_CreatesMissingSkus_AndSetsExistingOnesIncludingVariations()
    {
        store.Sandbox.Seed(["OLD"]);
        var (_, variations) = store.Sandbox.SeedVariable("TEE", ["TEE-S"]);

        var set = store.Sandbox.SetStock([("OLD", 4), ("NEW", 9), ("TEE-S", 2), ("NEW", 11)]);

        var state = store.Sandbox.State();
        Assert.That(set, Is.EqualTo(4));
        Assert.That(state.StockOf("OLD"), Is.EqualTo(4));
        Assert.That(state.StockOf("NEW"), Is.EqualTo(11));
        Assert.That(state.BySku("NEW")!.Type, Is.EqualTo("simple"));
        Assert.That(state.StockOf("TEE-S"), Is.EqualTo(2));
        Assert.That(state.BySku("TEE-S")!.Id, Is.EqualTo(variations[0].Id));
        Assert.That(state.Products.Count(p => p.Sku == "NEW"), Is.EqualTo(1));
    }

    [Test]
    public async Task AdminEndpoints_SetStock_AndTurnOnTheRateLimit()
    {
        using var http = new HttpClient { BaseAddress = store.Sandbox.BaseAddress };

        using var stock = await http.PostAsJsonAsync("_sandbox/stock", new { levels = new[] { new { sku = "A", quantity = 3 }, new { sku = "B", quantity = 5 } } });
        using var faults = await http.PostAsJsonAsync("_sandbox/faults", new { rate_limit = 1, rate_limit_window_ms = 60_000 });
        var allowed = await store.SendAsync(HttpMethod.Get, "products");
        var refused = await store.SendAsync(HttpMethod.Get, "products");

        Assert.That((int)stock.StatusCode, Is.EqualTo(200), await stock.Content.ReadAsStringAsync());
        Assert.That(store.Sandbox.State().StockOf("B"), Is.EqualTo(5));
        Assert.That((int)faults.StatusCode, Is.EqualTo(204));
        Assert.That(allowed.Status, Is.EqualTo(200));
        Assert.That(refused.Status, Is.EqualTo(429));
        Assert.That(int.Parse(refused.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 60));
        Assert.That(store.Sandbox.RateLimitedCount, Is.EqualTo(1));
    }

    [Test]
    public async Task EveryRequestOfAStockRead_AndEveryBodyTheSandboxAnswers_MatchTheContract()
    {
        WooCommerceContract.Validate("GET", "products", null);
        store.Sandbox.SetStock(Enumerable.Range(1, 12).Select(i => ($"S-{i}", (long)i)));
        var (_, variations) = store.Sandbox.SeedVariable("TEE", Enumerable.Range(1, 7).Select(i => $"TEE-{i}"));
        store.Sandbox.SetStock(variations.Select(v => (v.Sku, 1L)));
        await using var connector = Connect(store.Channel());

        var (levels, _, _) = await ReadAsync(connector, pageSize: 5);

        Assert.That(levels, Has.Count.EqualTo(19));
        var requests = store.Sandbox.Requests;
        Assert.That(requests.Select(r => r.Path).Distinct().ToList(), Has.Count.EqualTo(2), "products and TEE's variations");
        foreach (var request in requests)
        {
            var label = request.Path + request.Query;
            Assert.That(WooCommerceContract.Validate(request.Method, label, request.Body), Is.Empty, label);
            var answer = await store.SendAsync(HttpMethod.Get, request.Path, query: Query(request.Query));
            Assert.That(answer.Status, Is.EqualTo(200), label);
            Assert.That(WooCommerceContract.ValidateResponse(request.Method, label, 200, WooCommerceContractGaps.AsContractReadsProducts(answer.Body)), Is.Empty, label);
        }
    }

    private static (string, string)[] Query(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => (p[0], p[1])).ToArray();
}
