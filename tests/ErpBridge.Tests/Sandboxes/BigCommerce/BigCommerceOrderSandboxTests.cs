using System.Net;
using System.Text.Json;
using ErpBridge.Sandboxes.BigCommerce;
using ErpBridge.Tests.Connectors.BigCommerce;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Sandboxes.BigCommerce;

/// <summary>
/// The sandbox's v2 order list over HTTP, as the real API serves it: the changed-since filter, sort, paging and its
/// limit, v2's error array for bad parameters, 204 for nothing; the demo orders; and changing orders from a test or
/// over the admin endpoints, which moves their modified time.
/// </summary>
[TestFixture]
public sealed class BigCommerceOrderSandboxTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private ManualTimeProvider clock = null!;
    private BigCommerceTestStore store = null!;

    [SetUp]
    public async Task StartStore()
    {
        clock = new ManualTimeProvider(Start);
        store = await BigCommerceTestStore.StartAsync(o => o.TimeProvider = clock);
    }

    [TearDown]
    public async Task StopStore() => await store.DisposeAsync();

    [Test]
    public async Task ListOrders_MinDateModified_ReturnsOnlyOrdersChangedSinceOldestFirst()
    {
        Seed(1, Start.AddHours(-3));
        Seed(2, Start.AddHours(-2));
        Seed(3, Start.AddHours(-1));
        store.Sandbox.UpdateOrder(1, BigCommerceOrderStatuses.Shipped);

        using var rfc = await store.Http.GetAsync(new Uri("v2/orders?min_date_modified=Fri,%2020%20Nov%202026%2010:30:00%20%2B0000&sort=date_modified:asc", UriKind.Relative));
        using var iso = await store.Http.GetAsync(new Uri("v2/orders?min_date_modified=2026-11-20T06:30:00-04:00&sort=date_modified:desc", UriKind.Relative));

        Assert.That(await Ids(rfc), Is.EqualTo(new[] { 3, 1 }));
        Assert.That(await Ids(iso), Is.EqualTo(new[] { 1, 3 }));
    }

    [Test]
    public async Task ListOrders_Pages_SplitTheListAndAnswer204PastTheEnd()
    {
        for (var id = 1; id <= 5; id++)
        {
            Seed(id, Start.AddMinutes(-10 + id));
        }

        using var first = await store.Http.GetAsync(new Uri("v2/orders?sort=date_modified:asc&limit=2&page=1", UriKind.Relative));
        using var last = await store.Http.GetAsync(new Uri("v2/orders?sort=date_modified:asc&limit=2&page=3", UriKind.Relative));
        using var past = await store.Http.GetAsync(new Uri("v2/orders?sort=date_modified:asc&limit=2&page=4", UriKind.Relative));
        using var defaults = await store.Http.GetAsync(new Uri("v2/orders", UriKind.Relative));

        Assert.That(await Ids(first), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(await Ids(last), Is.EqualTo(new[] { 5 }));
        Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await past.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(await Ids(defaults), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
    }

    [TestCase("limit=251", "limit")]
    [TestCase("limit=0", "limit")]
    [TestCase("page=0", "page")]
    [TestCase("sort=date_modified:up", "sort")]
    [TestCase("sort=total", "sort")]
    [TestCase("min_date_modified=yesterday", "min_date_modified")]
    public async Task ListOrders_BadParameter_Returns400WithV2ErrorArrayNamingIt(string query, string field)
    {
        using var response = await store.Http.GetAsync(new Uri("v2/orders?" + query, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = body.RootElement.EnumerateArray().Single();
        Assert.That(error.GetProperty("status").GetInt32(), Is.EqualTo(400));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain($"'{field}'"));
    }

    [Test]
    public async Task ListOrders_WithoutToken_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = store.Http.BaseAddress };

        using var response = await anonymous.GetAsync(new Uri("v2/orders", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Order_CarriesAmountsThatAddUp_AndLinksItsSubResources()
    {
        store.Sandbox.SeedOrder(new SandboxOrderSeed(7, [
            new SandboxOrderLineSeed("SKU-1", 2, 24.50m) { TaxRate = 0.0825m, Discount = 4.90m },
            new SandboxOrderLineSeed("", 1, 5m) { Name = "Gift wrapping" },
        ])
        { ShippingCost = 9.95m });

        using var list = JsonDocument.Parse(await store.Http.GetStringAsync(new Uri("v2/orders", UriKind.Relative)));
        using var products = JsonDocument.Parse(await store.Http.GetStringAsync(new Uri("v2/orders/7/products", UriKind.Relative)));

        var order = list.RootElement[0];
        Assert.That(order.GetProperty("subtotal_ex_tax").GetString(), Is.EqualTo("54.0000"));
        Assert.That(order.GetProperty("discount_amount").GetString(), Is.EqualTo("4.9000"));
        Assert.That(order.GetProperty("total_tax").GetString(), Is.EqualTo("3.6400"));
        Assert.That(order.GetProperty("total_inc_tax").GetString(), Is.EqualTo("62.6900"));
        Assert.That(order.GetProperty("date_modified").GetString(), Is.EqualTo("Fri, 20 Nov 2026 12:00:00 +0000"));
        Assert.That(order.GetProperty("products").GetProperty("resource").GetString(), Is.EqualTo("/orders/7/products"));
        Assert.That(order.GetProperty("products").GetProperty("url").GetString(), Does.EndWith($"stores/{BigCommerceTestStore.StoreHash}/v2/orders/7/products"));
        var custom = products.RootElement[1];
        Assert.That(custom.GetProperty("sku").GetString(), Is.Empty);
        Assert.That(custom.GetProperty("product_id").GetInt32(), Is.Zero);
        Assert.That(products.RootElement[0].GetProperty("applied_discounts")[0].GetProperty("amount").GetString(), Is.EqualTo("4.9000"));
    }

    [Test]
    public void UpdateAndCancel_ChangeStatusAndBumpTheModifiedTime()
    {
        var seeded = Seed(1, Start.AddHours(-1));

        clock.Advance(TimeSpan.FromSeconds(90.4));
        var completed = store.Sandbox.UpdateOrder(1, BigCommerceOrderStatuses.Completed)!;
        clock.Advance(TimeSpan.FromMinutes(5));
        var cancelled = store.Sandbox.CancelOrder(1)!;

        Assert.That(seeded.DateModified, Is.EqualTo(Start.AddHours(-1)));
        Assert.That(completed.Status, Is.EqualTo("Completed"));
        Assert.That(completed.DateModified, Is.EqualTo(Start.AddSeconds(90)));
        Assert.That(cancelled.Status, Is.EqualTo("Cancelled"));
        Assert.That(cancelled.PaymentStatus, Is.EqualTo("void"));
        Assert.That(cancelled.DateModified, Is.EqualTo(Start.AddSeconds(390)));
        Assert.That(store.Sandbox.UpdateOrder(99, BigCommerceOrderStatuses.Completed), Is.Null);
        Assert.That(() => store.Sandbox.UpdateOrder(1, 15), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public async Task AdminEndpoints_SeedUpdateAndCancelOrders()
    {
        using var admin = new HttpClient { BaseAddress = store.Sandbox.BaseAddress };

        using var seeded = await admin.PostAsync(new Uri("_sandbox/orders", UriKind.Relative), BigCommerceTestStore.Json(
            """{"id": 501, "customer_id": 0, "payment_status": "pending", "status_id": 7, "shipping_cost": 4.5, "lines": [{"sku": "SKU-1", "quantity": 2, "price": 12.5, "tax_rate": 0.1}, {"sku": "", "quantity": 1, "name": "Engraving"}]}"""));
        clock.Advance(TimeSpan.FromMinutes(1));
        using var updated = await admin.PostAsync(new Uri("_sandbox/orders/501", UriKind.Relative), BigCommerceTestStore.Json("""{"status_id": 11, "payment_status": "captured"}"""));
        var afterUpdate = store.Sandbox.State().Order(501)!;
        clock.Advance(TimeSpan.FromMinutes(1));
        using var cancelled = await admin.PostAsync(new Uri("_sandbox/orders/501/cancel", UriKind.Relative), null);
        using var unknown = await admin.PostAsync(new Uri("_sandbox/orders/999/cancel", UriKind.Relative), null);
        using var badStatus = await admin.PostAsync(new Uri("_sandbox/orders/501", UriKind.Relative), BigCommerceTestStore.Json("""{"status_id": 42}"""));

        Assert.That(seeded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await seeded.Content.ReadAsStringAsync());
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterUpdate.Status, Is.EqualTo("Awaiting Fulfillment"));
        Assert.That(afterUpdate.PaymentStatus, Is.EqualTo("captured"));
        Assert.That(afterUpdate.DateModified, Is.EqualTo(Start.AddMinutes(1)));
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var order = store.Sandbox.State().Order(501)!;
        Assert.That(order.Status, Is.EqualTo("Cancelled"));
        Assert.That(order.DateModified, Is.EqualTo(Start.AddMinutes(2)));
        Assert.That(order.CustomerId, Is.Zero);
        Assert.That(order.Products.Select(p => (p.Sku, p.Quantity, p.PriceExTax)), Is.EqualTo(new[] { ("SKU-1", 2, 12.5m), ("", 1, 10m) }));
        Assert.That(order.TotalIncTax, Is.EqualTo(25m + 2.5m + 10m + 4.5m));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(badStatus.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task FreshSandbox_HoldsDemoOrders_LinkedToTheCatalogOnceItIsSeeded()
    {
        await using var demo = await BigCommerceTestStore.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.DemoOrders = true;
        });

        var before = demo.Sandbox.State().Orders;
        var products = demo.Sandbox.Seed(["MAT-100000", "MAT-100001", "MAT-100002"]);
        var after = demo.Sandbox.State().Orders;
        using var list = await demo.Http.GetAsync(new Uri("v2/orders?sort=date_modified:asc", UriKind.Relative));

        Assert.That(before.Select(o => (o.Id, o.Status)), Is.EqualTo(new[]
        {
            (100, "Awaiting Fulfillment"), (101, "Awaiting Payment"), (102, "Completed"), (103, "Cancelled"),
        }));
        Assert.That(before.SelectMany(o => o.Products).Select(p => p.ProductId).Distinct(), Is.EqualTo(new[] { 0 }));
        Assert.That(after.Single(o => o.Id == 100).Products.Select(p => p.ProductId), Is.EqualTo(new[] { products[0].Id, products[1].Id }));
        Assert.That(after.Single(o => o.Id == 101).Products.Select(p => p.ProductId), Is.EqualTo(new[] { products[2].Id, 0 }));
        Assert.That(await Ids(list), Is.EqualTo(new[] { 100, 101, 102, 103 }));
    }

    private SandboxOrder Seed(int id, DateTimeOffset createdAt) =>
        store.Sandbox.SeedOrder(new SandboxOrderSeed(id, [new SandboxOrderLineSeed("SKU-1", 1)]) { CreatedAt = createdAt });

    private static async Task<int[]> Ids(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToArray();
    }
}
