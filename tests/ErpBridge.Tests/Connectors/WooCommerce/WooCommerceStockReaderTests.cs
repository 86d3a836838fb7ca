using System.Diagnostics;
using ErpBridge.Connectors;
using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Core.Delivery;
using static ErpBridge.Tests.Connectors.WooCommerce.WooCommerceStockReads;
using Line = ErpBridge.Tests.Connectors.WooCommerce.WooCommerceMessages.StockLine;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>Bulk stock reads for reconciliation (<see cref="IStockReader"/>) by the WooCommerce connector, against the sandbox over HTTP.</summary>
[TestFixture]
public sealed class WooCommerceStockReaderTests
{
    private const string Location = WooCommerceTestStore.StockLocation;

    private WooCommerceTestStore store = null!;

    [SetUp]
    public async Task StartStore() => store = await WooCommerceTestStore.StartAsync();

    [TearDown]
    public async Task StopStore() => await store.DisposeAsync();

    [Test]
    public async Task ReadsEveryManagedLevel_OverProductAndVariationPages()
    {
        var simple = Enumerable.Range(1, 230).Select(i => ($"S-{i:D4}", (long)i)).ToList();
        store.Sandbox.SetStock(simple.Take(120));
        var (tee, teeVariations) = store.Sandbox.SeedVariable("TEE", Enumerable.Range(1, 130).Select(i => $"TEE-{i:D3}"));
        store.Sandbox.SetStock(teeVariations.Select((v, i) => (v.Sku, (long)(i % 7))));
        store.Sandbox.SetStock(simple.Skip(120));
        var (_, capVariations) = store.Sandbox.SeedVariable("CAP", ["CAP-1", "CAP-2"]);
        store.Sandbox.SetStock([("CAP-1", 4)]);
        store.Sandbox.Seed(["UNMANAGED"]);
        var unmanaged = store.Sandbox.State().BySku("UNMANAGED")!;
        var turnedOff = await store.SendAsync(HttpMethod.Put, $"products/{unmanaged.Id}", """{"manage_stock":false}""");
        Assert.That(turnedOff.Status, Is.EqualTo(200), turnedOff.Body);
        store.Sandbox.ClearRequests();
        await using var connector = Connect(store.Channel());

        var (levels, token, pages) = await ReadAsync(connector, pageSize: 100);

        var expected = simple.Select(s => (s.Item1, s.Item2))
            .Concat(teeVariations.Select((v, i) => (v.Sku, (long)(i % 7))))
            .Concat([("CAP-1", 4L), ("CAP-2", 0L)])
            .Select(l => new StockLevel(l.Item1, Location, l.Item2));
        Assert.That(token, Is.Null);
        Assert.That(levels, Is.EquivalentTo(expected), "every managed SKU once; the variable parents and UNMANAGED have no level");
        Assert.That(levels.Select(l => l.Sku), Is.Unique);
        // 233 products in 3 pages (TEE on the second, CAP on the third), TEE's 130 variations in 2, CAP's 2 in 1.
        Assert.That(pages, Is.EqualTo(6));
        Assert.That(store.Sandbox.Requests.Select(r => r.Path), Is.EqualTo(new[]
        {
            "products", "products", $"products/{tee.Id}/variations", $"products/{tee.Id}/variations", "products", $"products/{capVariations[0].ParentId}/variations",
        }));
        Assert.That(store.Sandbox.Requests.Select(r => r.Query).First(), Is.EqualTo("?orderby=id&order=asc&per_page=100&page=1"));
    }

    [Test]
    public async Task AVariableProductManagingStockAtParentLevel_IsALevelUnderItsOwnSku()
    {
        var (parent, _) = store.Sandbox.SeedVariable("HOODIE", ["HOODIE-S"]);
        var changed = await store.SendAsync(HttpMethod.Put, $"products/{parent.Id}", """{"manage_stock":true,"stock_quantity":9}""");
        Assert.That(changed.Status, Is.EqualTo(200), changed.Body);
        await using var connector = Connect(store.Channel());

        var (levels, _, _) = await ReadAsync(connector, pageSize: 100);

        Assert.That(levels, Is.EquivalentTo(new[] { new StockLevel("HOODIE", Location, 9), new StockLevel("HOODIE-S", Location, 0) }));
    }

    [Test]
    public async Task APageToken_ResumesOnANewConnector_AndEveryLevelComesExactlyOnce()
    {
        store.Sandbox.SetStock([("A-1", 1), ("A-2", 2), ("A-3", 3)]);
        var (_, variations) = store.Sandbox.SeedVariable("TEE", Enumerable.Range(1, 12).Select(i => $"TEE-{i:D2}"));
        store.Sandbox.SetStock(variations.Select((v, i) => (v.Sku, (long)(10 + i))));
        store.Sandbox.SetStock([("B-1", 21), ("B-2", 22), ("B-3", 23), ("B-4", 24)]);

        List<StockLevel> before;
        string? saved;
        await using (var first = Connect(store.Channel()))
        {
            (before, saved, _) = await ReadAsync(first, pageSize: 5, maxPages: 2);
        }

        Assert.That(saved, Does.Contain("product="), "the saved token points into TEE's variations");
        await using var second = Connect(store.Channel());
        var (after, token, _) = await ReadAsync(second, pageSize: 5, token: saved);

        var all = before.Concat(after).ToList();
        Assert.That(token, Is.Null);
        Assert.That(all.Select(l => l.Sku), Is.Unique);
        Assert.That(all, Has.Count.EqualTo(19));
        Assert.That(all.Single(l => l.Sku == "TEE-12").Quantity, Is.EqualTo(21));
        Assert.That(all.Single(l => l.Sku == "B-4").Quantity, Is.EqualTo(24));
    }

    [Test]
    public async Task AVariableProductDeletedMidRead_IsPassedOver()
    {
        store.Sandbox.SetStock([("A-1", 1)]);
        var (tee, _) = store.Sandbox.SeedVariable("TEE", ["TEE-S"]);
        store.Sandbox.SetStock([("B-1", 2)]);
        await using var connector = Connect(store.Channel());
        var first = await connector.ReadStockAsync(new StockQuery(null, 100), CancellationToken.None);
        Assert.That(first.Page!.NextPageToken, Does.Contain($"product={tee.Id}"));
        store.Sandbox.DeleteProduct(tee.Id);

        var (rest, token, _) = await ReadAsync(connector, pageSize: 100, token: first.Page.NextPageToken);

        Assert.That(first.Page.Levels.Select(l => l.Sku), Is.EqualTo(new[] { "A-1", "B-1" }));
        Assert.That(rest, Is.Empty);
        Assert.That(token, Is.Null);
    }

    [Test]
    public async Task LevelsComeBackAtTheErpLocationDeliveryTakes_WithTheDeliveredQuantity()
    {
        store.Sandbox.Seed(["SKU-1"]);
        store.Sandbox.SeedVariable("TEE", ["TEE-S"]);
        await using var connector = Connect(store.Channel());
        var delivered = await connector.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SKU-1", 42), new Line("TEE-S", 7)), CancellationToken.None);
        Assert.That(delivered, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(delivered));

        var (levels, _, _) = await ReadAsync(connector, pageSize: 100);

        Assert.That(levels, Is.EquivalentTo(new[] { new StockLevel("SKU-1", "WH-MAIN", 42), new StockLevel("TEE-S", "WH-MAIN", 7) }));
    }

    [Test]
    public async Task WrongCredentials_ArePermanent()
    {
        store.Sandbox.SetStock([("A", 1)]);
        await using var connector = Connect(store.Channel(secret: "cs_wrong"));

        var result = await connector.ReadStockAsync(new StockQuery(null, 100), CancellationToken.None);

        Assert.That(result.Page, Is.Null);
        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>().With.Property("Reason").Contains("authentication failed"));
    }

    [Test]
    public async Task AChannelWithoutALocation_OrAForeignToken_IsPermanent_WithoutARequest()
    {
        await using var unlocated = Connect(store.Channel(location: null));
        await using var connector = Connect(store.Channel());

        var noLocation = await unlocated.ReadStockAsync(new StockQuery(null, 100), CancellationToken.None);
        var foreign = await connector.ReadStockAsync(new StockQuery("eyJjdXJzb3IiOjF9", 100), CancellationToken.None);

        Assert.That(noLocation.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>().With.Property("Reason").Contains("names no location"));
        Assert.That(foreign.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>().With.Property("Reason").Contains("not a WooCommerce stock read position"));
        Assert.That(store.Sandbox.RequestCount, Is.Zero);
    }

    [TestCase(429)]
    [TestCase(503)]
    [TestCase(500)]
    public async Task ThrottlingAndServerErrors_AreTransient_AndTheSameTokenReadsOnAfterwards(int status)
    {
        store.Sandbox.SetStock(Enumerable.Range(1, 15).Select(i => ($"S-{i}", (long)i)));
        await using var connector = Connect(store.Channel());
        var first = await connector.ReadStockAsync(new StockQuery(null, 10), CancellationToken.None);
        store.Sandbox.FailNext(1, status, TimeSpan.FromSeconds(7));

        var failed = await connector.ReadStockAsync(new StockQuery(first.Page!.NextPageToken, 10), CancellationToken.None);
        var retried = await connector.ReadStockAsync(new StockQuery(first.Page.NextPageToken, 10), CancellationToken.None);

        Assert.That(failed.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>(), Describe(failed.Failure));
        Assert.That(((DeliveryOutcome.TransientFailure)failed.Failure!).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(retried.Page!.Levels.Select(l => l.Sku), Is.EqualTo(Enumerable.Range(11, 5).Select(i => $"S-{i}")));
        Assert.That(retried.Page.NextPageToken, Is.Null);
    }

    [Test]
    public async Task APacedRead_StaysUnderAHostsRateLimit_WhereAnUnpacedOneIsRefused()
    {
        store.Sandbox.SetStock(Enumerable.Range(1, 300).Select(i => ($"S-{i:D3}", (long)i)));
        store.Sandbox.RateLimit(10, TimeSpan.FromSeconds(1));
        await using var unpaced = Connect(store.Channel());
        DeliveryOutcome? refused = null;
        string? token = null;
        for (var page = 0; page < 30 && refused is null; page++)
        {
            var result = await unpaced.ReadStockAsync(new StockQuery(token, 10), CancellationToken.None);
            refused = result.Failure;
            token = result.Page?.NextPageToken;
        }

        Assert.That(refused, Is.TypeOf<DeliveryOutcome.TransientFailure>().With.Property("RetryAfter").Not.Null, "the limit is real: an unpaced read runs into it");
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var refusedBefore = store.Sandbox.RateLimitedCount;
        await using var paced = Connect(store.Channel(), new WooCommerceConnectorOptions { MaxRequestsPerSecond = 8 });

        var clock = Stopwatch.StartNew();
        var (levels, _, pages) = await ReadAsync(paced, pageSize: 10);

        Assert.That(levels, Has.Count.EqualTo(300));
        Assert.That(pages, Is.EqualTo(30));
        Assert.That(store.Sandbox.RateLimitedCount, Is.EqualTo(refusedBefore), "no 429 during the paced read");
        Assert.That(clock.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(3)), "30 requests at 8 per second take over 3.5 s");
    }

    [Test]
    public async Task Reads20000Skus()
    {
        const int Skus = 20_000;
        var clock = Stopwatch.StartNew();
        store.Sandbox.SetStock(Enumerable.Range(1, Skus - 1000).Select(i => ($"SKU-{i:D6}", (long)(i % 50))));
        for (var parent = 0; parent < 100; parent++)
        {
            var (_, variations) = store.Sandbox.SeedVariable($"VAR-{parent:D3}", Enumerable.Range(1, 10).Select(i => $"VAR-{parent:D3}-{i:D2}"));
            store.Sandbox.SetStock(variations.Select(v => (v.Sku, 3L)));
        }

        TestContext.Progress.WriteLine($"WooCommerce: seeded {Skus} SKUs in {clock.Elapsed.TotalSeconds:0.0} s");
        await using var connector = Connect(store.Channel());
        clock.Restart();

        var (levels, token, pages) = await ReadAsync(connector, pageSize: 100);

        TestContext.Progress.WriteLine($"WooCommerce: read {levels.Count} levels in {pages} pages ({store.Sandbox.RequestCount} requests) in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.That(token, Is.Null);
        Assert.That(levels, Has.Count.EqualTo(Skus));
        Assert.That(levels.Select(l => l.Sku).Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(Skus));
        Assert.That(levels.Where(l => l.Sku.StartsWith("VAR-", StringComparison.Ordinal)).Select(l => l.Quantity), Is.All.EqualTo(3));
    }
}
