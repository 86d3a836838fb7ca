using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ErpBridge.Sandboxes.Shopify;
using ErpBridge.Tests.Connectors.Shopify;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Sandboxes.Shopify;

/// <summary>The sandbox's orders over raw HTTP: demo orders, the orders search, sort and cursors, its refusals, and the order admin endpoints.</summary>
public sealed class ShopifyOrderSandboxTests
{
    private const string Token = "shpat_order_sandbox";

    private const string OrdersQuery =
        "query($first: Int!, $after: String, $query: String, $reverse: Boolean) { orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT, reverse: $reverse) { nodes { name updatedAt cancelledAt displayFinancialStatus } pageInfo { hasNextPage endCursor } } }";

    private static readonly DateTimeOffset Start = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private ManualTimeProvider clock = null!;
    private ShopifySandbox sandbox = null!;
    private ShopifyGraphQLHttp graphQL = null!;
    private HttpClient admin = null!;

    [SetUp]
    public async Task StartAsync()
    {
        clock = new ManualTimeProvider(Start);
        sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, Skus = ["SKU-1", "SKU-2"], TimeProvider = clock, RateLimitEnabled = false }, CancellationToken.None);
        graphQL = new ShopifyGraphQLHttp(sandbox.BaseAddress, Token);
        admin = new HttpClient { BaseAddress = sandbox.BaseAddress };
    }

    [TearDown]
    public async Task StopAsync()
    {
        admin.Dispose();
        graphQL.Dispose();
        await sandbox.DisposeAsync();
    }

    [Test]
    public async Task FreshSandbox_HasFourDemoOrdersWithCatalogueSkus()
    {
        var data = await graphQL.DataAsync("{ orders(first: 10) { nodes { name displayFinancialStatus cancelledAt lineItems(first: 5) { nodes { sku } } } } }");

        var orders = data.GetProperty("orders").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(orders.Select(o => o.GetProperty("name").GetString()), Is.EqualTo(new[] { "#9001", "#9002", "#9003", "#9004" }));
            Assert.That(orders.SelectMany(o => o.GetProperty("lineItems").GetProperty("nodes").EnumerateArray()).Select(l => l.GetProperty("sku").GetString()).Where(s => s is not null).Distinct(), Is.SubsetOf(new[] { "SKU-1", "SKU-2" }));
            Assert.That(orders[3].GetProperty("cancelledAt").GetString(), Is.Not.Null);
            Assert.That(orders[3].GetProperty("displayFinancialStatus").GetString(), Is.EqualTo("REFUNDED"));
        });
    }

    [Test]
    public async Task OrdersQuery_UpdatedAtFilterSortAndCursor_FollowShopify()
    {
        clock.Advance(TimeSpan.FromHours(1));
        sandbox.SeedOrder(ShopifyOrders.Simple("1001"));
        clock.Advance(TimeSpan.FromSeconds(30));
        sandbox.SeedOrder(ShopifyOrders.Simple("1002"));
        clock.Advance(TimeSpan.FromSeconds(30));
        sandbox.UpdateOrder("9002", new ShopifyOrderUpdate(FinancialStatus: "PAID"));

        var since = await Names(new { first = 10, query = "updated_at:>='2026-05-04T11:00:00Z'" });
        var after = await Names(new { first = 10, query = "updated_at:>'2026-05-04T11:00:00Z'" });
        var before = await Names(new { first = 10, query = "updated_at:<=\"2026-05-04T11:00:30Z\"" });
        var reversed = await Names(new { first = 2, query = "updated_at:>='2026-05-04T11:00:00Z'", reverse = true });
        var unknownField = await Names(new { first = 10, query = "status:open" });
        var firstPage = await graphQL.DataAsync(OrdersQuery, new { first = 1, query = "updated_at:>='2026-05-04T11:00:00Z'" });
        var cursor = firstPage.GetProperty("orders").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var secondPage = await Names(new { first = 5, after = cursor, query = "updated_at:>='2026-05-04T11:00:00Z'" });

        Assert.Multiple(() =>
        {
            Assert.That(since, Is.EqualTo(new[] { "#1001", "#1002", "#9002" }));
            Assert.That(after, Is.EqualTo(new[] { "#1002", "#9002" }));
            Assert.That(before, Is.EqualTo(new[] { "#9001", "#9002", "#9003", "#9004", "#1001", "#1002" }.Where(n => n != "#9002")));
            Assert.That(reversed, Is.EqualTo(new[] { "#9002", "#1002" }));
            Assert.That(unknownField, Is.Empty, "a filter the sandbox cannot apply matches nothing rather than everything");
            Assert.That(firstPage.GetProperty("orders").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(), Is.True);
            Assert.That(secondPage, Is.EqualTo(new[] { "#1002", "#9002" }));
        });
    }

    [Test]
    public async Task OrdersQuery_BadParametersAndCredentials_AreRefusedAsShopifyDoes()
    {
        var (_, tooMany) = await graphQL.PostAsync(OrdersQuery, new { first = 251 });
        var (_, badCursor) = await graphQL.PostAsync(OrdersQuery, new { first = 5, after = "not-a-cursor" });
        var (_, badSortKey) = await graphQL.PostAsync("{ orders(first: 5, sortKey: NEWEST) { nodes { id } } }");
        var (unauthorized, _) = await graphQL.PostAsync(OrdersQuery, new { first = 5 }, tokenOverride: "shpat_wrong");

        Assert.Multiple(() =>
        {
            Assert.That(tooMany.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("maximum number of elements per page is 250"));
            Assert.That(badCursor.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("Invalid cursor"));
            Assert.That(badSortKey.TryGetProperty("errors", out _), Is.True);
            Assert.That(unauthorized, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task AdminEndpoints_SeedUpdateAndCancelOrders_BumpingUpdatedTime()
    {
        var seed = ShopifyOrders.PaidWithTaxDiscountAndShipping("1001");

        using var created = await admin.PostAsJsonAsync("_sandbox/orders", seed);
        var seeded = await created.Content.ReadFromJsonAsync<JsonElement>();
        clock.Advance(TimeSpan.FromMinutes(5));
        using var updated = await admin.PostAsJsonAsync("_sandbox/orders/1001/update", new { financialStatus = "PARTIALLY_REFUNDED", note = "one returned" });
        clock.Advance(TimeSpan.FromMinutes(5));
        using var cancelled = await admin.PostAsJsonAsync("_sandbox/orders/%231001/cancel", new { refund = true });
        using var unknown = await admin.PostAsJsonAsync("_sandbox/orders/4242/cancel", new { refund = true });
        using var noLines = await admin.PostAsJsonAsync("_sandbox/orders", new { orderNumber = "1009", lines = Array.Empty<object>() });

        var state = sandbox.State.Order("1001")!;
        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(seeded.GetProperty("orderId").GetString(), Is.EqualTo(state.Id));
            Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(state.CreatedAt, Is.EqualTo(Start));
            Assert.That(state.UpdatedAt, Is.EqualTo(Start.AddMinutes(10)));
            Assert.That(state.CancelledAt, Is.EqualTo(Start.AddMinutes(10)));
            Assert.That(state.FinancialStatus, Is.EqualTo("REFUNDED"));
            Assert.That(state.TotalPrice, Is.EqualTo(98.80m));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(noLines.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    private async Task<List<string?>> Names(object variables)
    {
        var data = await graphQL.DataAsync(OrdersQuery, variables);
        return data.GetProperty("orders").GetProperty("nodes").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToList();
    }
}
