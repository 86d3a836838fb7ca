using System.Net.Http.Json;
using System.Text.Json;
using ErpBridge.Sandboxes.WooCommerce;
using ErpBridge.Tests.Connectors.WooCommerce;

namespace ErpBridge.Tests.Sandboxes.WooCommerce;

/// <summary>The sandbox's order routes and order admin endpoints, over real HTTP as a client would use them.</summary>
[TestFixture]
public sealed class WooCommerceOrderSandboxTests
{
    private WooCommerceTestStore store = null!;

    [SetUp]
    public async Task StartStore()
    {
        store = await WooCommerceTestStore.StartAsync();
        store.Sandbox.Seed(["SKU-1"]);
    }

    [TearDown]
    public async Task StopStore() => await store.DisposeAsync();

    [TestCase("per_page", "101", "per_page")]
    [TestCase("page", "0", "page")]
    [TestCase("modified_after", "yesterday", "modified_after")]
    [TestCase("orderby", "price", "orderby")]
    [TestCase("order", "up", "order")]
    [TestCase("status", "shipped", "status")]
    public async Task List_BadParameter_Is400InvalidParamNamingIt(string name, string value, string param)
    {
        var response = await store.SendAsync(HttpMethod.Get, "orders", query: [(name, value)]);

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Code, Is.EqualTo("rest_invalid_param"));
        Assert.That(response.Json.GetProperty("data").GetProperty("params").TryGetProperty(param, out _), Is.True);
    }

    [Test]
    public async Task List_Unsigned_Is401()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(store.ApiRoot, "orders"));

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task List_SendsTotalsAndLinks_AndFiltersByModifiedStrictlyAfter()
    {
        var at = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        for (var minute = 0; minute < 5; minute++)
        {
            store.Sandbox.SeedOrder([("SKU-1", 1)], new WooOrderDraft { CreatedAt = at.AddMinutes(minute) });
        }

        var response = await store.SendAsync(HttpMethod.Get, "orders",
            query: [("modified_after", "2026-11-20T08:01:00"), ("dates_are_gmt", "true"), ("orderby", "modified"), ("order", "asc"), ("per_page", "2"), ("page", "1")]);

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Headers["X-WP-Total"], Is.EqualTo("3"));
        Assert.That(response.Headers["X-WP-TotalPages"], Is.EqualTo("2"));
        Assert.That(response.Headers["Link"], Does.Contain("page=2>; rel=\"next\""));
        Assert.That(response.Json.EnumerateArray().Select(o => o.GetProperty("date_modified_gmt").GetString()), Is.EqualTo(new[] { "2026-11-20T08:02:00", "2026-11-20T08:03:00" }));
    }

    [Test]
    public async Task Update_MergesMetaByKey_ChangesStatus_BumpsModified_AndNotesTheChange()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 1)], new WooOrderDraft { CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) });

        await store.SendAsync(HttpMethod.Put, $"orders/{order.Id}", """{"meta_data":[{"key":"a","value":{"n":1}}]}""");
        var response = await store.SendAsync(HttpMethod.Put, $"orders/{order.Id}", """{"status":"completed","meta_data":[{"key":"a","value":{"n":2}},{"key":"b","value":{"n":3}}]}""");

        Assert.That(response.Status, Is.EqualTo(200));
        var after = store.Sandbox.State().Order(order.Id)!;
        Assert.That(after.Meta.Select(m => (m.Key, m.Value!.ToJsonString())), Is.EqualTo(new[] { ("a", """{"n":2}"""), ("b", """{"n":3}""") }));
        Assert.That(after.Status, Is.EqualTo("completed"));
        Assert.That(after.CompletedAt, Is.Not.Null);
        Assert.That(after.ModifiedAt, Is.GreaterThan(order.ModifiedAt));
        Assert.That(after.Notes.Single().Note, Is.EqualTo("Order status changed from Processing to Completed."));
        Assert.That((await store.SendAsync(HttpMethod.Put, $"orders/{order.Id}", """{"status":"shipped"}""")).Code, Is.EqualTo("rest_invalid_param"));
        Assert.That((await store.SendAsync(HttpMethod.Get, "orders/99999")).Code, Is.EqualTo("woocommerce_rest_shop_order_invalid_id"));
    }

    [Test]
    public async Task Fulfillments_WithoutTheFeature_AnswerNoRoute()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 1)]);

        var list = await store.SendAsync(HttpMethod.Get, $"orders/{order.Id}/fulfillments");
        var create = await store.SendAsync(HttpMethod.Post, $"orders/{order.Id}/fulfillments", "{}");

        Assert.That((list.Status, list.Code), Is.EqualTo((404, "rest_no_route")));
        Assert.That((create.Status, create.Code), Is.EqualTo((404, "rest_no_route")));
    }

    [Test]
    public async Task Fulfillments_RefuseMoreThanIsLeftToFulfill()
    {
        await using var featured = await WooCommerceTestStore.StartAsync(o => o.FulfillmentsEnabled = true);
        featured.Sandbox.Seed(["SKU-1"]);
        var order = featured.Sandbox.SeedOrder([("SKU-1", 2)]);
        var item = order.Lines[0].Id;

        var first = await featured.SendAsync(HttpMethod.Post, $"orders/{order.Id}/fulfillments", $$"""{"status":"fulfilled","is_fulfilled":true,"meta_data":[{"key":"_items","value":[{"item_id":{{item}},"qty":2}]}]}""");
        var second = await featured.SendAsync(HttpMethod.Post, $"orders/{order.Id}/fulfillments", $$"""{"meta_data":[{"key":"_items","value":[{"item_id":{{item}},"qty":1}]}]}""");
        var none = await featured.SendAsync(HttpMethod.Post, $"orders/{order.Id}/fulfillments", """{"meta_data":[]}""");

        Assert.That(first.Status, Is.EqualTo(201));
        Assert.That(first.Json.GetProperty("entity_id").GetString(), Is.EqualTo(order.Number));
        Assert.That((second.Status, second.Code), Is.EqualTo((400, "woocommerce_fulfillment_invalid_items")));
        Assert.That((none.Status, none.Code), Is.EqualTo((400, "woocommerce_fulfillment_invalid_items")));
    }

    [Test]
    public async Task AdminEndpoints_PlaceUpdateAndCancelOrders_AndStateShowsThem()
    {
        using var http = new HttpClient { BaseAddress = store.Sandbox.BaseAddress };

        var placed = await http.PostAsJsonAsync("_sandbox/orders", new { lines = new[] { new { sku = "SKU-1", quantity = 2 } }, customer_id = 0 });
        var id = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var completed = await http.PostAsJsonAsync($"_sandbox/orders/{id}", new { status = "completed" });
        var afterComplete = store.Sandbox.State().Order(id)!;
        var cancelled = await http.PostAsync(new Uri($"_sandbox/orders/{id}/cancel", UriKind.Relative), null);
        var state = await http.GetFromJsonAsync<JsonElement>("_sandbox/state");

        Assert.That((int)placed.StatusCode, Is.EqualTo(201));
        Assert.That((int)completed.StatusCode, Is.EqualTo(200));
        Assert.That(afterComplete.Status, Is.EqualTo("completed"));
        Assert.That((int)cancelled.StatusCode, Is.EqualTo(200));
        var shown = state.GetProperty("orders").EnumerateArray().Single();
        Assert.That(shown.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        Assert.That(shown.GetProperty("customer_id").GetInt32(), Is.EqualTo(0));
        Assert.That(shown.GetProperty("notes").GetArrayLength(), Is.EqualTo(2));
        Assert.That(shown.GetProperty("fulfillments").GetArrayLength(), Is.EqualTo(0));
        Assert.That((int)(await http.PostAsJsonAsync("_sandbox/orders/424242", new { status = "completed" })).StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task DemoOrders_ArePlacedOnTheFirstSeedOnly_WithTheCatalogSkus()
    {
        await using var demo = await WooCommerceTestStore.StartAsync(o => o.DemoOrders = true);

        demo.Sandbox.Seed(["A-1", "B-2", "C-3"]);
        demo.Sandbox.Seed(["D-4"]);

        var orders = demo.Sandbox.State().Orders;
        Assert.That(orders, Has.Count.EqualTo(4));
        Assert.That(orders.SelectMany(o => o.Lines).Select(l => l.Sku).Where(s => s.Length > 0).Distinct(), Is.SubsetOf(new[] { "A-1", "B-2", "C-3" }));
        Assert.That(orders.Select(o => o.Status), Is.EquivalentTo(new[] { "processing", "processing", "on-hold", "cancelled" }));
    }
}
