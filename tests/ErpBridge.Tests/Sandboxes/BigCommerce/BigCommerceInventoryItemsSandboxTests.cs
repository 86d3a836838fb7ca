using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ErpBridge.Tests.Connectors.BigCommerce;

namespace ErpBridge.Tests.Sandboxes.BigCommerce;

/// <summary>
/// The sandbox's <c>GET v3/inventory/items</c> over HTTP, as BigCommerce answers it: paging with meta.pagination,
/// at most 1000 items a page, the documented filters, auth; and seeding stock fast with SetStock (in code and over
/// <c>POST /_sandbox/stock</c>).
/// </summary>
[TestFixture]
public sealed class BigCommerceInventoryItemsSandboxTests
{
    [Test]
    public async Task Page_ListsVariantsInOrder_WithTheirLevelsAndPagination()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.SetStock([("A", "WH1", 5), ("A", "WH2", 7), ("B", "WH2", 1), ("C", "WH1", 0)]);

        using var document = await GetJson(store, "v3/inventory/items?page=1&limit=2");

        var data = document.RootElement.GetProperty("data");
        Assert.That(data.EnumerateArray().Select(i => i.GetProperty("identity").GetProperty("sku").GetString()), Is.EqualTo(new[] { "A", "B" }));
        var a = data[0].GetProperty("locations");
        Assert.That(a.EnumerateArray().Select(l => (l.GetProperty("location_code").GetString(), l.GetProperty("total_inventory_onhand").GetInt32())),
            Is.EqualTo(new[] { ("WH1", 5), ("WH2", 7) }));
        Assert.That(a[1].GetProperty("location_id").GetInt32(), Is.EqualTo(2));
        var pagination = document.RootElement.GetProperty("meta").GetProperty("pagination");
        Assert.That(pagination.GetProperty("total").GetInt32(), Is.EqualTo(3));
        Assert.That(pagination.GetProperty("total_pages").GetInt32(), Is.EqualTo(2));
        Assert.That(pagination.GetProperty("links").GetProperty("next").GetString(), Is.EqualTo("?limit=2&page=2"));

        using var last = await GetJson(store, "v3/inventory/items?page=2&limit=2");
        Assert.That(last.RootElement.GetProperty("data")[0].GetProperty("identity").GetProperty("sku").GetString(), Is.EqualTo("C"));
        using var beyond = await GetJson(store, "v3/inventory/items?page=3&limit=2");
        Assert.That(beyond.RootElement.GetProperty("data").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Filters_BySkuAndLocation()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.SetStock([("A", "WH1", 5), ("A", "WH2", 7), ("B", "WH2", 1), ("C", "WH1", 0)]);

        using var bySku = await GetJson(store, "v3/inventory/items?sku:in=C,A,missing&location_code:in=WH2");
        using var byLocation = await GetJson(store, "v3/inventory/items?location_id:in=1");

        var items = bySku.RootElement.GetProperty("data");
        Assert.That(items.EnumerateArray().Select(i => i.GetProperty("identity").GetProperty("sku").GetString()), Is.EqualTo(new[] { "A", "C" }));
        Assert.That(items[0].GetProperty("locations").GetArrayLength(), Is.EqualTo(1));
        Assert.That(items[1].GetProperty("locations").GetArrayLength(), Is.Zero);
        Assert.That(byLocation.RootElement.GetProperty("data")[1].GetProperty("locations").GetArrayLength(), Is.Zero, "B has stock only at location 2");
    }

    [TestCase("limit=1001", 413)]
    [TestCase("limit=0", 422)]
    [TestCase("page=0", 422)]
    public async Task PagingOutOfRange_IsRefused(string query, int status)
    {
        await using var store = await BigCommerceTestStore.StartAsync();

        using var response = await store.Http.GetAsync(new Uri("v3/inventory/items?" + query, UriKind.Relative));

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
    }

    [Test]
    public async Task DefaultPage_Is50Items_And1000AreAllowed()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.SetStock(Enumerable.Range(0, 1200).Select(i => ($"S-{i}", "WH1", (long)i)));

        using var first = await GetJson(store, "v3/inventory/items");
        using var full = await GetJson(store, "v3/inventory/items?limit=1000&page=2");

        Assert.That(first.RootElement.GetProperty("data").GetArrayLength(), Is.EqualTo(50));
        Assert.That(full.RootElement.GetProperty("data").GetArrayLength(), Is.EqualTo(200));
        Assert.That(full.RootElement.GetProperty("data")[0].GetProperty("identity").GetProperty("sku").GetString(), Is.EqualTo("S-1000"));
    }

    [Test]
    public async Task WithoutTheToken_Is401()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        using var client = new HttpClient { BaseAddress = store.Http.BaseAddress };

        using var response = await client.GetAsync(new Uri("v3/inventory/items", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task SetStock_CreatesMissingSkus_UpdatesExistingOnes_AndShowsInTheState()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        var existing = store.Sandbox.Seed(["OLD"])[0];

        store.Sandbox.SetStock([("OLD", "WH2", 8), ("NEW", "WH1", 3)]);
        store.Sandbox.SetStock([("NEW", "WH1", 4)]);

        var state = store.Sandbox.State();
        Assert.That(state.Products, Has.Count.EqualTo(2));
        Assert.That(state.ProductBySku("OLD")!.Id, Is.EqualTo(existing.Id));
        Assert.That(state.StockOf("OLD", "WH2"), Is.EqualTo(8));
        Assert.That(state.StockOf("NEW", "WH1"), Is.EqualTo(4));
    }

    [Test]
    public async Task SetStock_UnknownLocation_SetsNothing()
    {
        await using var store = await BigCommerceTestStore.StartAsync();

        Assert.Throws<ArgumentException>(() => store.Sandbox.SetStock([("A", "WH1", 1), ("B", "NOWHERE", 2)]));

        Assert.That(store.Sandbox.State().Products, Is.Empty);
    }

    [Test]
    public async Task StockEndpoint_SeedsOverHttp()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        using var admin = new HttpClient { BaseAddress = store.Sandbox.BaseAddress };

        using var ok = await admin.PostAsync(new Uri("_sandbox/stock", UriKind.Relative),
            BigCommerceTestStore.Json("""{"levels":[{"sku":"A","location":"WH2","quantity":6},{"sku":"B","location":"WH1","quantity":0}]}"""));
        using var bad = await admin.PostAsync(new Uri("_sandbox/stock", UriKind.Relative),
            BigCommerceTestStore.Json("""{"levels":[{"sku":"C","location":"ELSEWHERE","quantity":1}]}"""));

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("levels").GetInt32(), Is.EqualTo(2));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(store.Sandbox.State().StockOf("A", "WH2"), Is.EqualTo(6));
        Assert.That(store.Sandbox.State().ProductBySku("C"), Is.Null);
    }

    [Test]
    public async Task SetStock_100000Skus_TheLastPageEndsWithTheLastSku()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        store.Sandbox.SetStock(Enumerable.Range(0, 100_000).Select(i => ($"BIG-{i}", "WH1", (long)i)));

        watch.Stop();
        TestContext.Progress.WriteLine($"SetStock of 100,000 SKUs: {watch.Elapsed.TotalMilliseconds:0} ms");
        using var last = await GetJson(store, "v3/inventory/items?limit=1000&page=100");
        Assert.That(last.RootElement.GetProperty("data").GetArrayLength(), Is.EqualTo(1000));
        Assert.That(last.RootElement.GetProperty("data")[999].GetProperty("identity").GetProperty("sku").GetString(), Is.EqualTo("BIG-99999"));
    }

    private static async Task<JsonDocument> GetJson(BigCommerceTestStore store, string path)
    {
        using var response = await store.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
