using System.Text.Json;
using ErpBridge.Connectors;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Sandboxes.Shopify;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>The Shopify connector reading changed orders from the sandbox over real HTTP (IOrderSource).</summary>
public sealed class ShopifyOrderSourceTests
{
    private const string Token = "shpat_orders_test";

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private ManualTimeProvider clock = null!;
    private ShopifySandbox sandbox = null!;

    [SetUp]
    public async Task StartAsync()
    {
        clock = new ManualTimeProvider(Start);
        sandbox = await ShopifySandbox.StartAsync(
            new ShopifySandboxOptions { AccessToken = Token, Skus = ["SKU-1", "SKU-2"], DemoOrders = 0, TimeProvider = clock, RateLimitEnabled = false },
            CancellationToken.None);
    }

    [TearDown]
    public async Task StopAsync() => await sandbox.DisposeAsync();

    [Test]
    public async Task ReadOrders_ChangedSince_ReturnsOrdersUpdatedAtOrAfterOnly()
    {
        sandbox.SeedOrder(ShopifyOrders.Simple("1001"));
        sandbox.SeedOrder(ShopifyOrders.Simple("1002"));
        clock.Advance(TimeSpan.FromMinutes(1));
        var since = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(1));
        sandbox.SeedOrder(ShopifyOrders.Simple("1003"));
        clock.Advance(TimeSpan.FromSeconds(10));
        sandbox.UpdateOrder("1001", new ShopifyOrderUpdate(Note: "changed"));
        await using var connector = Connector();

        var pages = await ShopifyOrders.ReadAllAsync(connector, since, 50);

        var orders = pages.SelectMany(p => p.Orders).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(orders.Select(o => o.OrderNumber), Is.EqualTo(new[] { "1003", "1001" }));
            Assert.That(orders[1].UpdatedAt, Is.EqualTo(Start.AddMinutes(2).AddSeconds(10)));
            Assert.That(orders.All(o => o.UpdatedAt >= since), Is.True);
        });
    }

    [Test]
    public async Task ReadOrders_TwelveOrdersPageSizeFive_ThreePagesEveryOrderOnceOldestChangeFirst()
    {
        for (var i = 0; i < 12; i++)
        {
            sandbox.SeedOrder(ShopifyOrders.Simple((2001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        sandbox.UpdateOrder("2001", new ShopifyOrderUpdate(FinancialStatus: "REFUNDED"));
        await using var connector = Connector();

        var pages = await ShopifyOrders.ReadAllAsync(connector, Start, 5);

        var orders = pages.SelectMany(p => p.Orders).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(p => p.Orders.Count), Is.EqualTo(new[] { 5, 5, 2 }));
            Assert.That(pages[^1].NextPageToken, Is.Null);
            Assert.That(orders.Select(o => o.PlatformOrderId).Distinct().Count(), Is.EqualTo(12));
            Assert.That(orders.Select(o => o.UpdatedAt), Is.Ordered);
            Assert.That(orders[^1].OrderNumber, Is.EqualTo("2001"), "the updated order changed last");
            Assert.That(orders[0].OrderNumber, Is.EqualTo("2002"));
        });
    }

    [Test]
    public async Task ReadOrders_OrderChangedWhilePaging_MovesBehindTheCursorAndIsReadOnce()
    {
        for (var i = 0; i < 6; i++)
        {
            sandbox.SeedOrder(ShopifyOrders.Simple((3001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await using var connector = Connector();
        var first = await connector.ReadOrdersAsync(new OrderQuery(Start, null, 3), CancellationToken.None);
        sandbox.UpdateOrder("3001", new ShopifyOrderUpdate(Note: "read already, changed again"));
        sandbox.UpdateOrder("3005", new ShopifyOrderUpdate(Note: "not read yet"));
        var rest = new List<PlatformOrder>();
        for (var token = first.Page!.NextPageToken; token is not null;)
        {
            var page = await connector.ReadOrdersAsync(new OrderQuery(Start, token, 3), CancellationToken.None);
            Assert.That(page.Failure, Is.Null, page.Failure?.ToString());
            rest.AddRange(page.Page!.Orders);
            token = page.Page.NextPageToken;
        }

        Assert.Multiple(() =>
        {
            Assert.That(first.Page.Orders.Select(o => o.OrderNumber), Is.EqualTo(new[] { "3001", "3002", "3003" }));
            Assert.That(rest.Select(o => o.OrderNumber), Is.EqualTo(new[] { "3004", "3006", "3001", "3005" }));
        });
    }

    [Test]
    public async Task ReadOrders_OrderWithMoreLinesThanTheFirstQueryReads_HasEveryLineMergedIn()
    {
        var seeded = sandbox.SeedOrder(ShopifyOrders.Simple("4001", lines: 12));
        sandbox.SeedOrder(ShopifyOrders.PaidWithTaxDiscountAndShipping("4002"));
        await using var connector = Connector();

        var orders = (await ShopifyOrders.ReadAllAsync(connector, Start, 10)).SelectMany(p => p.Orders).ToList();

        using var big = JsonDocument.Parse(orders.Single(o => o.OrderNumber == "4001").Json);
        using var paid = JsonDocument.Parse(orders.Single(o => o.OrderNumber == "4002").Json);
        var lines = big.RootElement.GetProperty("lineItems");
        Assert.Multiple(() =>
        {
            Assert.That(lines.GetProperty("nodes").EnumerateArray().Select(l => l.GetProperty("id").GetString()), Is.EqualTo(seeded.LineItemIds));
            Assert.That(lines.TryGetProperty("pageInfo", out _), Is.False);
            Assert.That(orders.Single(o => o.OrderNumber == "4001").PlatformOrderId, Is.EqualTo(seeded.LegacyResourceId));
            Assert.That(paid.RootElement.GetProperty("customer").GetProperty("defaultEmailAddress").GetProperty("emailAddress").GetString(), Is.EqualTo("anna@example.com"));
            Assert.That(paid.RootElement.GetProperty("shippingAddress").GetProperty("countryCodeV2").GetString(), Is.EqualTo("DE"));
            Assert.That(paid.RootElement.GetProperty("totalPriceSet").GetProperty("shopMoney").GetProperty("amount").GetString(), Is.EqualTo("98.8"));
            Assert.That(paid.RootElement.GetProperty("totalTaxSet").GetProperty("shopMoney").GetProperty("amount").GetString(), Is.EqualTo("15.77"));
            Assert.That(sandbox.GraphQLRequests.Count(r => r.Query.Contains("OrderLineItems", StringComparison.Ordinal)), Is.EqualTo(1), "one follow-up read for the 7 lines beyond the first 5");
        });
    }

    [Test]
    public async Task ReadOrders_PageSizeAboveWhatOneQueryMayCost_IsCappedAndAccepted()
    {
        for (var i = 0; i < 20; i++)
        {
            sandbox.SeedOrder(ShopifyOrders.PaidWithTaxDiscountAndShipping((5001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        sandbox.SetRateLimit(enabled: true);
        await using var connector = Connector();

        var result = await connector.ReadOrdersAsync(new OrderQuery(Start, null, 250), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
            Assert.That(result.Page!.Orders, Has.Count.EqualTo(ShopifyConnector.MaxOrdersPerPage));
            Assert.That(result.Page.NextPageToken, Is.Not.Null);
        });
    }

    [Test]
    public async Task ReadOrders_WrongToken_IsPermanentAuthenticationFailure()
    {
        sandbox.SeedOrder(ShopifyOrders.Simple("6001"));
        await using var connector = Connector(token: "shpat_wrong");

        var result = await connector.ReadOrdersAsync(new OrderQuery(Start, null, 10), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)result.Failure!).Reason, Does.Contain("authentication failed").And.Contain("Invalid API key"));
    }

    [TestCase(429)]
    [TestCase(503)]
    public async Task ReadOrders_RateLimitedOrServerError_IsTransient(int status)
    {
        sandbox.SeedOrder(ShopifyOrders.Simple("7001"));
        sandbox.FailNext(1, status);
        await using var connector = Connector();

        var failed = await connector.ReadOrdersAsync(new OrderQuery(Start, null, 10), CancellationToken.None);
        var retried = await connector.ReadOrdersAsync(new OrderQuery(Start, null, 10), CancellationToken.None);

        var transient = failed.Failure as DeliveryOutcome.TransientFailure;
        Assert.Multiple(() =>
        {
            Assert.That(transient, Is.Not.Null, failed.Failure?.ToString());
            Assert.That(transient!.Reason, Does.Contain($"Shopify {status}"));
            Assert.That(transient.RetryAfter, Is.EqualTo(status == 429 ? TimeSpan.FromSeconds(2) : null));
            Assert.That(retried.Page!.Orders.Single().OrderNumber, Is.EqualTo("7001"));
        });
    }

    [Test]
    public async Task ReadOrders_CostBucketEmpty_IsTransientThrottled()
    {
        sandbox.SeedOrder(ShopifyOrders.Simple("8001"));
        sandbox.SetRateLimit(enabled: true, bucketSize: 70, restoreRate: 1);
        await using var connector = Connector();

        var first = await connector.ReadOrdersAsync(new OrderQuery(Start, null, 1), CancellationToken.None);
        var second = await connector.ReadOrdersAsync(new OrderQuery(Start, null, 1), CancellationToken.None);

        var transient = second.Failure as DeliveryOutcome.TransientFailure;
        Assert.Multiple(() =>
        {
            Assert.That(first.Failure, Is.Null, first.Failure?.ToString());
            Assert.That(transient, Is.Not.Null, second.Failure?.ToString());
            Assert.That(transient!.Reason, Does.Contain("THROTTLED"));
            Assert.That(transient.RetryAfter, Is.GreaterThan(TimeSpan.Zero));
        });
    }

    private ShopifyConnector Connector(string token = Token)
    {
        var options = new ChannelOptions { Platform = "Shopify", BaseUrl = sandbox.BaseAddress.ToString(), AccessToken = token, ApiVersion = "2026-01" };
        var settings = new ShopifyConnectorOptions { RequestTimeout = TimeSpan.FromSeconds(10), MaxPacingWait = TimeSpan.Zero };
        return (ShopifyConnector)new ShopifyConnectorFactory(settings).Create("shop-eu", options);
    }
}
