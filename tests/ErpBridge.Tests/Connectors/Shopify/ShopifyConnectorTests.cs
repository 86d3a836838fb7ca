using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Metrics;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;
using ErpBridge.Sandboxes.Shopify;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>The Shopify connector against the sandbox over real HTTP.</summary>
public sealed class ShopifyConnectorTests
{
    private const string Token = "shpat_connector_test";
    private const string Channel = "shop-eu";

    private ShopifySandbox sandbox = null!;

    [SetUp]
    public async Task StartAsync() =>
        sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, Skus = ["SKU-1", "SKU-2"] }, CancellationToken.None);

    [TearDown]
    public async Task StopAsync() => await sandbox.DisposeAsync();

    [Test]
    public async Task Execute_StockBySkuAndLocation_SetsAvailable()
    {
        await using var connector = Connector();

        var outcome = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "WH1", 42), ("SKU-2", "WH2", 7)), CancellationToken.None);

        var delivered = outcome as DeliveryOutcome.Delivered;
        Assert.Multiple(() =>
        {
            Assert.That(delivered, Is.Not.Null, outcome.ToString());
            Assert.That(delivered!.PlatformIds["inventory-adjustment-group:set-stock"], Does.StartWith("gid://shopify/InventoryAdjustmentGroup/"));
            Assert.That(sandbox.State.Available("SKU-1", "WH1"), Is.EqualTo(42));
            Assert.That(sandbox.State.Available("SKU-2", "WH2"), Is.EqualTo(7));
            Assert.That(sandbox.State.Mutations.Single().IdempotencyKey, Is.EqualTo("key-1"));
            Assert.That(sandbox.State.Mutations.Single().ArgumentsJson, Does.Contain("gid://erpbridge/Message/M-1"));
        });
    }

    [Test]
    public async Task Execute_LocationMappedInChannelOptions_UsesMappedId()
    {
        var wh2 = sandbox.State.Locations.Single(l => l.Name == "WH2").Id;
        var options = Options();
        options.Locations["1000"] = wh2.Split('/')[^1];
        await using var connector = Connector(options: options);

        var outcome = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "1000", 5)), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
            Assert.That(sandbox.State.Available("SKU-1", "WH2"), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Execute_ProductCreateThenUpdate_OneProductUpdatedInPlace()
    {
        await using var connector = Connector();

        var created = await connector.ExecuteAsync(ShopifyPlans.Product("NEW-1", "Widget", "19.99"), CancellationToken.None);
        var updated = await connector.ExecuteAsync(ShopifyPlans.Product("NEW-1", "Widget Pro", "24.50", status: "DRAFT"), CancellationToken.None);

        var product = sandbox.State.ProductBySku("NEW-1");
        Assert.Multiple(() =>
        {
            Assert.That(created, Is.TypeOf<DeliveryOutcome.Delivered>(), created.ToString());
            Assert.That(updated, Is.TypeOf<DeliveryOutcome.Delivered>(), updated.ToString());
            Assert.That(((DeliveryOutcome.Delivered)created).PlatformIds["product:NEW-1"], Is.EqualTo(product!.Id));
            Assert.That(((DeliveryOutcome.Delivered)updated).PlatformIds["product:NEW-1"], Is.EqualTo(product.Id));
            Assert.That(sandbox.State.Products.Count(p => p.Variants.Any(v => v.Sku == "NEW-1")), Is.EqualTo(1));
            Assert.That(product.Title, Is.EqualTo("Widget Pro"));
            Assert.That(product.Status, Is.EqualTo("DRAFT"));
            Assert.That(product.Variants.Single().Price, Is.EqualTo("24.50"));
            Assert.That(sandbox.State.Mutations.Select(m => m.ArgumentsJson.Contains("\"identifier\"", StringComparison.Ordinal)), Is.EqualTo(new[] { false, true }));
        });
    }

    [Test]
    public async Task Execute_ProductThenStockForNewSku_ResolvesFromWhatProductSetReturned()
    {
        await using var connector = Connector();

        await connector.ExecuteAsync(ShopifyPlans.Stock("key-0", "M-0", ("SKU-1", "WH1", 1)), CancellationToken.None);
        var missing = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("NEW-2", "WH1", 3)), CancellationToken.None);
        await connector.ExecuteAsync(ShopifyPlans.Product("NEW-2", "Gadget"), CancellationToken.None);
        var stock = await connector.ExecuteAsync(ShopifyPlans.Stock("key-2", "M-2", ("NEW-2", "WH1", 3)), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
            Assert.That(stock, Is.TypeOf<DeliveryOutcome.Delivered>(), stock.ToString());
            Assert.That(sandbox.State.Available("NEW-2", "WH1"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Execute_UnknownSku_PermanentNamingSkuAndChannel()
    {
        await using var connector = Connector();

        var outcome = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "WH1", 1), ("NOPE-9", "WH1", 1)), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
            Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.StartWith($"SKU 'NOPE-9' has no variant on channel '{Channel}'"));
            Assert.That(sandbox.State.Mutations, Is.Empty);
        });
    }

    [Test]
    public async Task Execute_UnknownLocation_PermanentNamingLocation()
    {
        await using var connector = Connector();

        var outcome = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "WH9", 1)), CancellationToken.None);

        Assert.That((outcome as DeliveryOutcome.PermanentFailure)?.Reason, Does.Contain("location 'WH9'"));
    }

    [Test]
    public async Task Execute_UserErrors_PermanentWithShopifyMessage()
    {
        await using var connector = Connector();

        var outcome = await connector.ExecuteAsync(ShopifyPlans.Product("NEW-3", " "), CancellationToken.None);

        Assert.That((outcome as DeliveryOutcome.PermanentFailure)?.Reason, Does.Contain("productSet: Title can't be blank (INVALID_PRODUCT) [input.title]"));
    }

    [TestCase(500)]
    [TestCase(503)]
    public async Task Execute_Injected5xx_Transient(int status)
    {
        await using var connector = Connector();
        sandbox.FailNext(1, status);

        var outcome = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "WH1", 1)), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>());
            Assert.That(((DeliveryOutcome.TransientFailure)outcome).Reason, Does.Contain($"Shopify {status}"));
        });
    }

    [Test]
    public async Task Execute_Injected429_TransientHonouringRetryAfter()
    {
        await using var connector = Connector();
        sandbox.FailNext(1, 429);

        var outcome = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "WH1", 1)), CancellationToken.None);

        Assert.That((outcome as DeliveryOutcome.TransientFailure)?.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task Execute_Throttled_TransientWithRetryAfterFromThrottleStatus()
    {
        // Shrinking the bucket empties it; growing it back leaves it nearly empty, refilling at half a point per second.
        sandbox.SetRateLimit(true, bucketSize: 1, restoreRate: 0.5);
        sandbox.SetRateLimit(true, bucketSize: 100, restoreRate: 0.5);
        var options = Options();
        options.Locations["WH1"] = sandbox.State.Locations.Single(l => l.Name == "WH1").Id;
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new BridgeMetrics(meters.GetRequiredService<IMeterFactory>());
        var rateLimited = new List<(long Value, string? Channel)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == MetricNames.StoreRateLimited)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => rateLimited.Add((value, tags.ToArray().Single(t => t.Key == "channel").Value as string)));
        listener.Start();
        await using var connector = Connector(options: options, settings: new ShopifyConnectorOptions { Metrics = metrics });
        var outcome = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "WH1", 1)), CancellationToken.None);

        var transient = outcome as DeliveryOutcome.TransientFailure;
        Assert.Multiple(() =>
        {
            Assert.That(transient?.Reason, Does.Contain("THROTTLED"), outcome.ToString());
            Assert.That(rateLimited, Is.Not.Empty.And.All.EqualTo((1L, Channel)), "THROTTLED, an answer of 200, counts as a 429 does");
            Assert.That(transient?.RetryAfter, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(sandbox.State.Mutations, Is.Empty);
        });
    }

    [Test]
    public async Task Execute_WrongToken_PermanentAuthenticationFailed()
    {
        await using var connector = Connector(token: "shpat_wrong");

        var outcome = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "WH1", 1)), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((outcome as DeliveryOutcome.PermanentFailure)?.Reason, Does.StartWith("authentication failed (401"));
            Assert.That(outcome.ToString(), Does.Not.Contain("shpat_wrong"));
        });
    }

    [Test]
    public async Task Execute_SlowShop_TransientTimeout()
    {
        sandbox.Delay(TimeSpan.FromSeconds(2));
        await using var connector = Connector(settings: new ShopifyConnectorOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var outcome = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "WH1", 1)), CancellationToken.None);

        Assert.That((outcome as DeliveryOutcome.TransientFailure)?.Reason, Does.Contain("timed out"));
    }

    [Test]
    public async Task Execute_NothingListening_TransientConnectionError()
    {
        var options = Options();
        options.BaseUrl = "http://127.0.0.1:1/";
        await using var connector = Connector(options: options);

        var outcome = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "WH1", 1)), CancellationToken.None);

        Assert.That((outcome as DeliveryOutcome.TransientFailure)?.Reason, Does.Contain("could not connect"));
    }

    [Test]
    public async Task Execute_BurstAgainstSmallBucket_PacedWithoutThrottles()
    {
        var skus = Enumerable.Range(1, 30).Select(i => $"B-{i}").ToList();
        sandbox.Seed(skus);
        sandbox.SetRateLimit(true, bucketSize: 60, restoreRate: 1000);
        await using var connector = Connector();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var results = new List<DeliveryOutcome>();
            for (var i = worker; i < 320; i += 8)
            {
                results.Add(await connector.ExecuteAsync(ShopifyPlans.Stock($"burst-{i}", $"M-{i}", (skus[i % skus.Count], "WH1", i)), CancellationToken.None));
            }

            return results;
        })));

        var all = outcomes.SelectMany(o => o).ToList();
        var throttled = all.OfType<DeliveryOutcome.TransientFailure>().Count(t => t.Reason.Contains("THROTTLED", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(throttled, Is.LessThanOrEqualTo(3), "THROTTLED answers");
            Assert.That(all.Count(o => o is DeliveryOutcome.Delivered), Is.EqualTo(320 - throttled), string.Join("\n", all.Where(o => o is not DeliveryOutcome.Delivered).Take(5)));
            Assert.That(sandbox.State.Mutations.Count(m => m.Result == "applied"), Is.EqualTo(320 - throttled));
        });
    }

    [Test]
    public async Task Prepare_ResolvesAndMasksWithoutChangingState()
    {
        await using var connector = Connector();
        var itemId = sandbox.State.VariantBySku("SKU-1")!.InventoryItemId;
        var before = sandbox.State;

        var calls = await connector.PrepareAsync(ShopifyPlans.Stock("key-1", "M-1", ("SKU-1", "WH1", 42)), CancellationToken.None);

        var call = calls.Single();
        using var body = JsonDocument.Parse(call.JsonBody!);
        var quantity = body.RootElement.GetProperty("variables").GetProperty("input").GetProperty("quantities")[0];
        Assert.Multiple(() =>
        {
            Assert.That(call.Url, Is.EqualTo(new Uri(sandbox.BaseAddress, "admin/api/2026-01/graphql.json")));
            Assert.That(call.SkipReason, Is.Null);
            Assert.That(quantity.GetProperty("inventoryItemId").GetString(), Is.EqualTo(itemId));
            Assert.That(quantity.GetProperty("locationId").GetString(), Is.EqualTo(before.Locations.Single(l => l.Name == "WH1").Id));
            Assert.That(quantity.GetProperty("changeFromQuantity").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(call.Headers.Single(h => h.Key == "X-Shopify-Access-Token").Value, Is.Not.EqualTo(Token).And.Not.Contains(Token));
            Assert.That(sandbox.State.Mutations, Is.Empty);
            Assert.That(sandbox.State.InventoryLevels, Is.EqualTo(before.InventoryLevels));
        });
    }

    [Test]
    public async Task Prepare_ConditionalCallsAndPathParameters_SkipOrFill()
    {
        await using var connector = Connector();
        var productId = sandbox.State.ProductBySku("SKU-1")!.Id;
        var plan = RequestPlan.Parse(new XDocument(ShopifyPlans.PlanRoot(
            new XElement(RequestPlan.Ns + "call", new XAttribute("id", "create"), new XAttribute("method", "POST"), new XAttribute("path", "graphql.json"),
                new XAttribute("if", "missing"), new XAttribute("if-ref", "product"), new XAttribute("if-key", "SKU-1")),
            new XElement(RequestPlan.Ns + "call", new XAttribute("id", "read"), new XAttribute("method", "GET"), new XAttribute("path", "products/{id}.json"),
                new XAttribute("if", "found"), new XAttribute("if-ref", "product"), new XAttribute("if-key", "SKU-1"),
                new XElement(RequestPlan.Ns + "path-param", new XAttribute("name", "id"), new XAttribute("ref", "product"), new XAttribute("key", "SKU-1"))))));

        var calls = await connector.PrepareAsync(plan, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(calls[0].SkipReason, Does.StartWith("skipped"));
            Assert.That(calls[1].SkipReason, Is.Null);
            Assert.That(calls[1].Url.AbsoluteUri, Does.EndWith("admin/api/2026-01/products/" + Uri.EscapeDataString(productId) + ".json"));
        });
    }

    [Test]
    public async Task Execute_RepeatedPlans_LookUpOncePerTtl()
    {
        await using var connector = Connector();
        using var raw = new ShopifyGraphQLHttp(sandbox.BaseAddress, Token);

        for (var i = 0; i < 5; i++)
        {
            Assert.That(await connector.ExecuteAsync(ShopifyPlans.Stock($"key-{i}", "M", ("SKU-1", "WH1", i)), CancellationToken.None), Is.TypeOf<DeliveryOutcome.Delivered>());
        }

        sandbox.FailNext(1, 500);
        var afterLookupsCached = await connector.ExecuteAsync(ShopifyPlans.Stock("key-9", "M", ("SKU-1", "WH1", 9)), CancellationToken.None);
        var next = await connector.ExecuteAsync(ShopifyPlans.Stock("key-10", "M", ("SKU-1", "WH1", 10)), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(afterLookupsCached, Is.TypeOf<DeliveryOutcome.TransientFailure>(), "the mutation itself met the injected 500");
            Assert.That(next, Is.TypeOf<DeliveryOutcome.Delivered>());
            Assert.That(sandbox.State.Mutations, Has.Count.EqualTo(6));
        });
    }

    [Test]
    public async Task Execute_ManySkusAndLocations_OneLookupEachThenCached()
    {
        sandbox.Seed(["SKU-3", "SKU \"4\""]);
        await using var connector = Connector();
        var lines = new[] { ("SKU-1", "WH1", 1), ("SKU-2", "WH2", 2), ("SKU-3", "WH1", 3), ("SKU \"4\"", "WH2", 4) };

        var first = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", lines), CancellationToken.None);
        var afterFirst = sandbox.GraphQLRequestCount;
        var second = await connector.ExecuteAsync(ShopifyPlans.Stock("key-2", "M-2", lines), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), first.ToString());
            Assert.That(second, Is.TypeOf<DeliveryOutcome.Delivered>(), second.ToString());
            Assert.That(afterFirst, Is.EqualTo(3), "one variant search, one locations read, one mutation");
            Assert.That(sandbox.GraphQLRequestCount - afterFirst, Is.EqualTo(1), "ids come from the cache");
            Assert.That(sandbox.State.Available("SKU \"4\"", "WH2"), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task Execute_RequiredSkuNotFound_IsLookedUpAfreshNextTime()
    {
        var clock = new Support.ManualTimeProvider(TimeProvider.System.GetUtcNow());
        await using var connector = Connector(settings: new ShopifyConnectorOptions { TimeProvider = clock, MissingTtl = TimeSpan.FromSeconds(30) });

        // A delivery fails without the SKU, so a remembered "not found" never fails it: created on the platform and
        // resubmitted at once, it is found.
        var before = await connector.ExecuteAsync(ShopifyPlans.Stock("key-1", "M-1", ("LATE-1", "WH1", 5)), CancellationToken.None);
        sandbox.Seed(["LATE-1"]);
        var after = await connector.ExecuteAsync(ShopifyPlans.Stock("key-2", "M-2", ("LATE-1", "WH1", 5)), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
            Assert.That(after, Is.TypeOf<DeliveryOutcome.Delivered>(), after.ToString());
            Assert.That(sandbox.State.Available("LATE-1", "WH1"), Is.EqualTo(5));
        });
    }

    private IChannelConnector Connector(string token = Token, ChannelOptions? options = null, ShopifyConnectorOptions? settings = null)
    {
        options ??= Options();
        options.AccessToken = token;
        return new ShopifyConnectorFactory(settings).Create(Channel, options);
    }

    private ChannelOptions Options() => new() { Platform = Platform.Shopify, BaseUrl = sandbox.BaseAddress.ToString(), AccessToken = Token };
}
