using System.Globalization;
using ErpBridge.Connectors;
using ErpBridge.Connectors.BigCommerce;
using ErpBridge.Connectors.Magento;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Connectors.BigCommerce;
using ErpBridge.Tests.Connectors.Magento;
using ErpBridge.Tests.Connectors.Shopify;
using ErpBridge.Tests.Connectors.WooCommerce;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Connectors;

/// <summary>The status classes mean the same on every platform (issue 13: 408 used to be transient on WooCommerce only).</summary>
public sealed class TransientStatusTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        from platform in new[] { Platform.Shopify, Platform.BigCommerce, Platform.WooCommerce, Platform.Magento }
        from status in new[] { 408, 425, 429, 500, 503 }
        select new TestCaseData(platform, status).SetName($"Execute_{platform}_{status}_IsTransient");

    [TestCaseSource(nameof(Cases))]
    public async Task Execute_TimeoutTooEarlyRateLimitOrServerError_IsTransient(string platform, int status)
    {
        await using var store = await StubStore.AnsweringAsync(status);
        await using var connector = Connect(platform, store.BaseAddress.ToString(), TimeProvider.System);

        var outcome = await connector.ExecuteAsync(StockPlan(platform), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>(), outcome.Describe());
        Assert.That(outcome.Describe(), Does.Contain(status.ToString(CultureInfo.InvariantCulture)));
    }

    [TestCase(400)]
    [TestCase(404)]
    public async Task Execute_OtherClientError_IsPermanentOnEveryPlatform(int status)
    {
        foreach (var platform in new[] { Platform.Shopify, Platform.BigCommerce, Platform.WooCommerce, Platform.Magento })
        {
            await using var store = await StubStore.AnsweringAsync(status);
            await using var connector = Connect(platform, store.BaseAddress.ToString(), TimeProvider.System);

            var outcome = await connector.ExecuteAsync(StockPlan(platform), CancellationToken.None);

            Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), $"{platform}: {outcome.Describe()}");
        }
    }

    [TestCase(Platform.Shopify)]
    [TestCase(Platform.BigCommerce)]
    [TestCase(Platform.WooCommerce)]
    [TestCase(Platform.Magento)]
    public async Task Execute_RetryAfterAsAnHttpDate_IsMeasuredOnTheInjectedClock(string platform)
    {
        // Years from the wall clock: a connector that reads the wall clock (Shopify did) waits years, capped or not.
        var now = new DateTimeOffset(2031, 3, 14, 9, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        await using var store = await StubStore.AnsweringAsync(503, ("Retry-After", (now + TimeSpan.FromSeconds(30)).ToString("r", CultureInfo.InvariantCulture)));
        await using var connector = Connect(platform, store.BaseAddress.ToString(), clock);

        var outcome = await connector.ExecuteAsync(StockPlan(platform), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>().With.Property("RetryAfter").EqualTo(TimeSpan.FromSeconds(30)), outcome.Describe());
    }

    private static IChannelConnector Connect(string platform, string baseUrl, TimeProvider clock)
    {
        var channel = new ChannelOptions
        {
            Platform = platform,
            BaseUrl = baseUrl,
            AccessToken = "token",
            StoreHash = "store",
            ConsumerKey = "ck_key",
            ConsumerSecret = "cs_secret",
            AccessTokenSecret = "token_secret",
        };
        IChannelConnectorFactory factory = platform switch
        {
            Platform.Shopify => new ShopifyConnectorFactory(new ShopifyConnectorOptions { TimeProvider = clock, RequestTimeout = TimeSpan.FromSeconds(10) }),
            Platform.BigCommerce => new BigCommerceConnectorFactory(new BigCommerceConnectorOptions { TimeProvider = clock, RequestTimeout = TimeSpan.FromSeconds(10) }),
            Platform.WooCommerce => new WooCommerceConnectorFactory(new WooCommerceConnectorOptions { TimeProvider = clock, RequestTimeout = TimeSpan.FromSeconds(10) }),
            _ => new MagentoConnectorFactory(new MagentoConnectorOptions { TimeProvider = clock, RequestTimeout = TimeSpan.FromSeconds(10) }),
        };
        if (platform == Platform.WooCommerce)
        {
            channel.Locations[WooCommerceTestStore.StockLocation] = "shop";
        }

        return factory.Create($"{platform}-stub", channel);
    }

    private static RequestPlan StockPlan(string platform) => platform switch
    {
        Platform.Shopify => ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "WH1", 5)),
        Platform.BigCommerce => BigCommercePlans.Stock("M-1", new BigCommercePlans.StockLine("SKU-1", "WH1", 5)),
        Platform.WooCommerce => WooCommerceMessages.Stock("M-1", new WooCommerceMessages.StockLine("SKU-1", 5)),
        _ => MagentoPlans.Stock("M-1", new MagentoPlans.StockLine("SKU-1", "WH1", 5)),
    };
}
