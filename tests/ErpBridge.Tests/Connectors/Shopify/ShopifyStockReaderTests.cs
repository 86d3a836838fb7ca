using System.Diagnostics;
using System.Text.Json;
using ErpBridge.Connectors;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Sandboxes.Shopify;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>Reconciliation reads: the connector's bulk stock read against the sandbox over real HTTP.</summary>
public sealed class ShopifyStockReaderTests
{
    private const string Token = "shpat_stock_test";
    private const string Channel = "shop-eu";

    private ShopifySandbox sandbox = null!;

    [SetUp]
    public async Task StartAsync() =>
        sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, DemoOrders = 0, BulkOperationDelay = TimeSpan.FromMilliseconds(100) }, CancellationToken.None);

    [TearDown]
    public async Task StopAsync() => await sandbox.DisposeAsync();

    [Test]
    public async Task ReadStock_SeveralPages_EveryLevelOnceWithItsQuantity()
    {
        var seeded = Levels(300);
        sandbox.SetStock(seeded);
        await using var connector = Connector();

        var reading = await ShopifyStock.ReadAsync(connector, pageSize: 100);

        Assert.Multiple(() =>
        {
            Assert.That(reading.Levels.Select(l => (l.Sku, l.Location, l.Quantity)), Is.EquivalentTo(seeded));
            Assert.That(reading.Pages, Has.Count.GreaterThanOrEqualTo(6));
            Assert.That(reading.Pages.Select(p => p.Levels.Count), Has.All.InRange(1, 101), "a page ends at the first item boundary after the page size");
            Assert.That(reading.Polls, Is.GreaterThanOrEqualTo(1), "the first page waits for the bulk query");
            Assert.That(sandbox.BulkDownloads.WithToken, Is.Zero, "the signed result URL is fetched without the access token");
        });
    }

    [Test]
    public async Task ReadStock_ResumedFromSavedTokenByNewConnector_EveryLevelExactlyOnce()
    {
        var seeded = Levels(250);
        sandbox.SetStock(seeded);
        ShopifyStock.Reading first;
        await using (var before = Connector())
        {
            first = await ShopifyStock.ReadAsync(before, pageSize: 60, maxDataPages: 2);
        }

        var requestsBefore = sandbox.GraphQLRequests.Count;
        await using var after = Connector();
        var rest = await ShopifyStock.ReadAsync(after, pageSize: 60, token: first.NextToken);

        var all = first.Levels.Concat(rest.Levels).Select(l => (l.Sku, l.Location, l.Quantity)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first.NextToken, Does.Match(@"^bulk:\d+:\d+$"));
            Assert.That(first.Pages, Has.Count.EqualTo(2));
            Assert.That(all, Has.Count.EqualTo(seeded.Count), "no level read twice or skipped");
            Assert.That(all, Is.EquivalentTo(seeded));
            Assert.That(sandbox.GraphQLRequests.Skip(requestsBefore).Select(r => r.Query), Is.EqualTo(new[] { ShopifyDocuments.BulkOperationById }),
                "the new connector finds the result URL again by the operation's id, and starts no second bulk query");
        });
    }

    [Test]
    public async Task ReadStock_AfterDeliveryThroughTheInventoryMap_ReturnsTheErpCodesAndQuantities()
    {
        var wh1 = sandbox.State.Locations.Single(l => l.Name == "WH1").Id;
        var options = Options();
        options.Locations["1000"] = wh1.Split('/')[^1];
        await using var connector = Connector(options);
        sandbox.Seed(["SKU-1", "SKU-2"]);

        var outcome = await connector.ExecuteAsync(ShopifyStock.Plan(Channel, "INV-1", ("SKU-1", "1000", 5), ("SKU-2", "WH2", 7), ("SKU-1", "WH2", 3)), CancellationToken.None);
        var reading = await ShopifyStock.ReadAsync((IStockReader)connector, pageSize: 100);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
            Assert.That(reading.Levels, Is.EquivalentTo(new[]
            {
                new StockLevel("SKU-1", "1000", 5), new StockLevel("SKU-1", "WH2", 3),
                new StockLevel("SKU-2", "1000", 0), new StockLevel("SKU-2", "WH2", 7),
            }), "WH1 is mapped from code 1000 in the channel's Locations, WH2 is matched by name");
        });
    }

    [Test]
    public async Task ReadStock_WrongToken_IsPermanent()
    {
        sandbox.SetStock(Levels(3));
        await using var connector = Connector(token: "shpat_wrong");

        var result = await connector.ReadStockAsync(new StockQuery(null, 100), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>().With.Property("Reason").Contains("authentication failed"));
    }

    [TestCase(429)]
    [TestCase(503)]
    public async Task ReadStock_PlatformBusyOrFailing_IsTransientAndTheSameTokenWorksAfterwards(int status)
    {
        sandbox.SetStock(Levels(40));
        await using var connector = Connector();
        var started = await connector.ReadStockAsync(new StockQuery(null, 100), CancellationToken.None);
        sandbox.FailNext(1, status);

        var failed = await connector.ReadStockAsync(new StockQuery(started.Page!.NextPageToken, 100), CancellationToken.None);
        var rest = await ShopifyStock.ReadAsync(connector, pageSize: 100, token: started.Page.NextPageToken);

        Assert.Multiple(() =>
        {
            Assert.That(failed.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>(), failed.Failure?.ToString());
            if (status == 429)
            {
                Assert.That(((DeliveryOutcome.TransientFailure)failed.Failure!).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)), "Retry-After is kept");
            }

            Assert.That(rest.Levels, Has.Count.EqualTo(80));
        });
    }

    [Test]
    public async Task ReadStock_RateLimitedShop_ManyPollsAndPagesWithoutThrottling()
    {
        await sandbox.DisposeAsync();
        sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, DemoOrders = 0, BulkOperationDelay = TimeSpan.FromSeconds(2), BucketSize = 20, RestoreRate = 10 }, CancellationToken.None);
        sandbox.SetStock(Levels(500));
        await using var connector = Connector();

        // Polling without waiting asks far faster than 10 points a second; the connector's pacing must absorb it.
        var reading = await ShopifyStock.ReadAsync(connector, pageSize: 100, honourRetryAfter: false);

        using var http = new HttpClient();
        var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.BaseAddress, "_sandbox/stats"))).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(reading.Levels, Has.Count.EqualTo(1000));
            Assert.That(reading.Polls, Is.GreaterThan(20), "enough polls to exceed the bucket unpaced");
            Assert.That(stats.GetProperty("throttled").GetInt64(), Is.Zero);
        });
    }

    [Test]
    public async Task ReadStock_BulkQueryAlreadyStartedBeforeARestart_IsTakenOver()
    {
        sandbox.SetStock(Levels(10));
        using var http = new ShopifyGraphQLHttp(sandbox.BaseAddress, Token);
        var run = await http.DataAsync(ShopifyDocuments.RunBulkQuery, new { query = ShopifyDocuments.StockBulkQuery });
        var id = run.GetProperty("bulkOperationRunQuery").GetProperty("bulkOperation").GetProperty("id").GetString()!;
        await using var connector = Connector();

        var first = await connector.ReadStockAsync(new StockQuery(null, 100), CancellationToken.None);
        var reading = await ShopifyStock.ReadAsync(connector, 100, first.Page?.NextPageToken);

        Assert.Multiple(() =>
        {
            Assert.That(first.Page?.NextPageToken, Is.EqualTo("bulk:" + id.Split('/')[^1]), first.Failure?.ToString());
            Assert.That(reading.Levels, Has.Count.EqualTo(20));
        });
    }

    [Test]
    public async Task ReadStock_AnotherBulkQueryRunning_IsTransient()
    {
        using var http = new ShopifyGraphQLHttp(sandbox.BaseAddress, Token);
        await http.DataAsync(ShopifyDocuments.RunBulkQuery, new { query = "{ inventoryItems { edges { node { id } } } }" });
        await using var connector = Connector();

        var result = await connector.ReadStockAsync(new StockQuery(null, 100), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>().With.Property("Reason").Contains("OPERATION_IN_PROGRESS"));
    }

    [Test]
    public async Task ReadStock_ResultExpiredMidRead_IsPermanentAndTheOldUrlIsRefused()
    {
        var clock = new ShiftedClock();
        await sandbox.DisposeAsync();
        sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, DemoOrders = 0, BulkOperationDelay = TimeSpan.FromMilliseconds(100), TimeProvider = clock }, CancellationToken.None);
        sandbox.SetStock(Levels(100));
        await using var connector = Connector();
        var first = await ShopifyStock.ReadAsync(connector, pageSize: 50, maxDataPages: 1);
        var url = sandbox.GraphQLRequests.Count(r => r.Query == ShopifyDocuments.BulkOperationById);

        clock.Shift = TimeSpan.FromDays(8);
        var later = await connector.ReadStockAsync(new StockQuery(first.NextToken, 50), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.NextToken, Is.Not.Null);
            Assert.That(later.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>().With.Property("Reason").Contains("EXPIRED"), later.Failure?.ToString());
            Assert.That(sandbox.GraphQLRequests.Count(r => r.Query == ShopifyDocuments.BulkOperationById), Is.EqualTo(url + 1), "a refused URL is looked up afresh once");
        });
    }

    [Test]
    public async Task ReadStock_UnknownToken_IsPermanent()
    {
        await using var connector = Connector();

        var result = await connector.ReadStockAsync(new StockQuery("page-7", 100), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
    }

    [Test]
    public async Task ReadStock_TwentyThousandSkus_AllRead()
    {
        var seeded = Levels(20_000);
        var clock = Stopwatch.StartNew();
        sandbox.SetStock(seeded);
        var seeding = clock.Elapsed;
        await using var connector = Connector();

        clock.Restart();
        var reading = await ShopifyStock.ReadAsync(connector, pageSize: ShopifyConnector.MaxStockLevelsPerPage);
        TestContext.Progress.WriteLine($"Shopify: seeded 20,000 SKUs x 2 locations in {seeding.TotalSeconds:0.00} s; read {reading.Levels.Count} levels in {reading.Pages.Count} pages in {clock.Elapsed.TotalSeconds:0.00} s");

        Assert.Multiple(() =>
        {
            Assert.That(reading.Levels, Has.Count.EqualTo(40_000));
            Assert.That(reading.Levels.Select(l => (l.Sku, l.Location)).Distinct().Count(), Is.EqualTo(40_000));
            Assert.That(reading.Levels.Sum(l => l.Quantity), Is.EqualTo(seeded.Sum(l => l.Quantity)));
        });
    }

    /// <summary>SKUs S-00000… at WH1 and WH2, with quantities that differ per SKU and location.</summary>
    private static List<(string Sku, string Location, long Quantity)> Levels(int skus) =>
        Enumerable.Range(0, skus).SelectMany(i => new[] { ($"S-{i:D5}", "WH1", (long)(i % 97)), ($"S-{i:D5}", "WH2", (long)(i % 13) + 1) }).ToList();

    /// <summary>The system clock moved forward on demand, to let a bulk result expire.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }

    private ShopifyConnector Connector(ChannelOptions? options = null, string token = Token)
    {
        options ??= Options();
        options.AccessToken = token;
        return (ShopifyConnector)new ShopifyConnectorFactory(new ShopifyConnectorOptions { BulkPollInterval = TimeSpan.FromMilliseconds(20) }).Create(Channel, options);
    }

    private ChannelOptions Options() => new() { Platform = Platform.Shopify, BaseUrl = sandbox.BaseAddress.ToString(), AccessToken = Token };
}
