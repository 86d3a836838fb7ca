using System.Diagnostics;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Connectors.BigCommerce;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>
/// The bulk stock read for reconciliation: the connector against a sandbox store over real HTTP, page by page through
/// <c>GET v3/inventory/items</c>, with page tokens that survive a new connector, locations named as delivery names them,
/// failures classified, and the store's rate limit respected.
/// </summary>
[TestFixture]
public sealed class BigCommerceStockReadTests
{
    private static readonly XNamespace Inv = "urn:erpbridge:inventory:v1";

    [Test]
    public async Task ReadsEveryLevel_OverSeveralPages()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        var seeded = Levels(25).ToList();
        store.Sandbox.SetStock(seeded);
        await using var connector = Reader(store);

        var read = await BigCommerceStockReading.ReadAsync(connector, pageSize: 10);

        Assert.That(read.Pages, Is.EqualTo(3), "25 items at 10 a page");
        Assert.That(read.Levels, Is.EquivalentTo(seeded.Select(l => new StockLevel(l.Sku, l.Location, l.Quantity))));
        Assert.That(store.Sandbox.Requests.Select(r => r.Path + r.Query), Is.EqualTo(new[]
        {
            "v3/inventory/items?page=1&limit=10", "v3/inventory/items?page=2&limit=10", "v3/inventory/items?page=3&limit=10",
        }));
    }

    [Test]
    public async Task PageToken_ResumesOnANewConnector_EveryLevelExactlyOnce()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        var seeded = Levels(47).ToList();
        store.Sandbox.SetStock(seeded);

        BigCommerceStockReading.Read first;
        await using (var before = Reader(store))
        {
            first = await BigCommerceStockReading.ReadAsync(before, pageSize: 10, maxPages: 2);
        }

        Assert.That(first.LastToken, Is.EqualTo("page=3&limit=10"));

        // The bridge restarted: a new connector, and the engine asks with another page size; the token's own wins.
        await using var after = Reader(store);
        var rest = await BigCommerceStockReading.ReadAsync(after, pageSize: 7, token: first.LastToken);

        var all = first.Levels.Concat(rest.Levels).ToList();
        Assert.That(all, Is.Unique);
        Assert.That(all, Is.EquivalentTo(seeded.Select(l => new StockLevel(l.Sku, l.Location, l.Quantity))));
        Assert.That(rest.Pages, Is.EqualTo(3), "items 21 to 47 at 10 a page");
    }

    [Test]
    public async Task DeliveredStock_ReadsBackUnderTheErpCodesDeliveryUsed()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.Seed(["SKU-A", "SKU-B"]);
        var channel = store.Channel();

        // PLANT-2000 is mapped to location 2 (code WH2); WH1 is resolved by the location's own code.
        channel.Locations["PLANT-2000"] = "2";
        await using var connector = (BigCommerceConnector)new BigCommerceConnectorFactory().Create("bc-recon", channel);
        var plan = InventoryPlan("INV-R1", "bc-recon", ("SKU-A", "WH1", 12), ("SKU-A", "PLANT-2000", 3), ("SKU-B", "WH1", 0));
        var outcome = await connector.ExecuteAsync(plan, CancellationToken.None);
        Assert.That(outcome, Is.InstanceOf<DeliveryOutcome.Delivered>(), outcome.ToString());

        var read = await BigCommerceStockReading.ReadAsync(connector, pageSize: 100);

        Assert.That(read.Levels, Is.EquivalentTo(new[]
        {
            new StockLevel("SKU-A", "WH1", 12),
            new StockLevel("SKU-A", "PLANT-2000", 3),
            new StockLevel("SKU-B", "WH1", 0),
        }));
    }

    [Test]
    public async Task SafetyStock_DoesNotShowAsDrift_TheOnHandFigureIsRead()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.SetStock([("SKU-A", "WH1", 10), ("SKU-B", "WH1", 1)]);
        Assert.That(store.Sandbox.SetSafetyStock("SKU-A", "WH1", 3) && store.Sandbox.SetSafetyStock("SKU-B", "WH1", 5), Is.True);
        await using var connector = Reader(store);

        var read = await BigCommerceStockReading.ReadAsync(connector, pageSize: 50);
        using var raw = System.Text.Json.JsonDocument.Parse(await store.Http.GetStringAsync(new Uri("v3/inventory/items", UriKind.Relative)));

        Assert.That(read.Levels, Is.EquivalentTo(new[] { new StockLevel("SKU-A", "WH1", 10), new StockLevel("SKU-B", "WH1", 1) }));
        Assert.That(raw.RootElement.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("locations")[0].GetProperty("available_to_sell").GetInt32()),
            Is.EqualTo(new[] { 7, 0 }), "the store sells less than it holds");
    }

    [Test]
    public async Task LocationTheMapSendsNoCodeTo_IsNotReported()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.SetStock([("SKU-A", "WH1", 5), ("SKU-A", "WH2", 6)]);
        var channel = store.Channel();

        // Delivery sends ERP code WH1 to location 2; no ERP code reaches location 1 (code WH1) any more.
        channel.Locations["WH1"] = "2";
        await using var connector = new BigCommerceConnectorFactory().Create("bc-recon", channel);

        var read = await BigCommerceStockReading.ReadAsync((IStockReader)connector, pageSize: 50);

        Assert.That(read.Levels, Is.EqualTo(new[] { new StockLevel("SKU-A", "WH1", 6) }));
    }

    [Test]
    public async Task WrongToken_IsPermanent()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.SetStock(Levels(3));
        await using var connector = (BigCommerceConnector)new BigCommerceConnectorFactory().Create("bc-recon", store.Channel("not-the-token"));

        var result = await connector.ReadStockAsync(new StockQuery(null, 100), CancellationToken.None);

        Assert.That(result.Page, Is.Null);
        Assert.That(result.Failure, Is.InstanceOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)result.Failure!).Reason, Does.Contain("authentication failed").And.Contain("401"));
    }

    [TestCase(500)]
    [TestCase(503)]
    [TestCase(429)]
    public async Task ServerErrorOrRateLimit_IsTransient_AndTheSameTokenThenSucceeds(int status)
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.SetStock(Levels(15));

        // A short window, so that the pacer's wait for the reset an injected 429 reports keeps the test quick.
        store.Sandbox.RateLimit(enabled: false, window: TimeSpan.FromMilliseconds(300));
        await using var connector = Reader(store);
        var first = await connector.ReadStockAsync(new StockQuery(null, 10), CancellationToken.None);
        store.Sandbox.FailNext(1, status);

        var failed = await connector.ReadStockAsync(new StockQuery(first.Page!.NextPageToken, 10), CancellationToken.None);
        var retried = await connector.ReadStockAsync(new StockQuery(first.Page!.NextPageToken, 10), CancellationToken.None);

        Assert.That(failed.Failure, Is.InstanceOf<DeliveryOutcome.TransientFailure>());
        Assert.That(((DeliveryOutcome.TransientFailure)failed.Failure!).Reason, Does.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (status == 429)
        {
            Assert.That(((DeliveryOutcome.TransientFailure)failed.Failure!).RetryAfter, Is.Not.Null, "a 429 keeps the window's reset as the wait");
        }

        Assert.That(retried.Failure, Is.Null);
        Assert.That(retried.Page!.Levels.Select(l => l.Sku).Distinct(), Is.EqualTo(new[] { "REC-0010", "REC-0011", "REC-0012", "REC-0013", "REC-0014" }));
    }

    [Test]
    public async Task RateLimitUsedUp_IsTransient_WithTheWindowsReset()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.SetStock(Levels(3));
        store.Sandbox.RateLimit(enabled: true, quota: 2, window: TimeSpan.FromSeconds(30));

        // Another app of the store uses the window's quota up before the connector has seen any rate-limit header.
        for (var i = 0; i < 2; i++)
        {
            using var response = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));
        }

        await using var connector = Reader(store);
        var result = await connector.ReadStockAsync(new StockQuery(null, 10), CancellationToken.None);

        Assert.That(result.Failure, Is.InstanceOf<DeliveryOutcome.TransientFailure>());
        var retryAfter = ((DeliveryOutcome.TransientFailure)result.Failure!).RetryAfter;
        Assert.That(retryAfter, Is.Not.Null.And.GreaterThan(TimeSpan.FromSeconds(20)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task MultiPageReadAgainstARateLimitedStore_MeetsNo429()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        var seeded = Levels(60).ToList();
        store.Sandbox.SetStock(seeded);
        store.Sandbox.RateLimit(enabled: true, quota: 4, window: TimeSpan.FromMilliseconds(500));
        await using var connector = Reader(store);

        var watch = Stopwatch.StartNew();
        var read = await BigCommerceStockReading.ReadAsync(connector, pageSize: 5);
        watch.Stop();

        TestContext.Progress.WriteLine($"{read.Pages} pages at 4 requests per 0.5 s in {watch.Elapsed.TotalSeconds:0.00} s; {store.Sandbox.RateLimitedCount} refused");
        Assert.That(store.Sandbox.RateLimitedCount, Is.Zero, "429s met by the paced read");
        Assert.That(read.Pages, Is.EqualTo(12));
        Assert.That(read.Levels, Is.EquivalentTo(seeded.Select(l => new StockLevel(l.Sku, l.Location, l.Quantity))));
        Assert.That(watch.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1)), "12 requests at 4 a window take at least two window turns");
    }

    [Test]
    public async Task PageSize_IsCappedAtBigCommercesMaximumOf1000()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.SetStock(Levels(2));
        await using var connector = Reader(store);

        var read = await BigCommerceStockReading.ReadAsync(connector, pageSize: 5000);

        Assert.That(read.Levels, Has.Count.EqualTo(3));
        Assert.That(store.Sandbox.Requests.Single().Query, Is.EqualTo("?page=1&limit=1000"));
    }

    [TestCase("3")]
    [TestCase("page=0&limit=10")]
    [TestCase("page=2&limit=1001")]
    [TestCase("cursor=abc")]
    public async Task TokenThatIsNotAnInventoryPage_IsPermanent_AndSendsNothing(string token)
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        await using var connector = Reader(store);

        var result = await connector.ReadStockAsync(new StockQuery(token, 10), CancellationToken.None);

        Assert.That(result.Failure, Is.InstanceOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(store.Sandbox.RequestCount, Is.Zero);
    }

    [Test]
    public async Task EmptyStore_IsOneEmptyLastPage()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        await using var connector = Reader(store);

        var read = await BigCommerceStockReading.ReadAsync(connector, pageSize: 100);

        Assert.That(read.Pages, Is.EqualTo(1));
        Assert.That(read.Levels, Is.Empty);
        Assert.That(read.LastToken, Is.Null);
    }

    [Test]
    public async Task Reads20000Skus()
    {
        const int Skus = 20_000;
        await using var store = await BigCommerceTestStore.StartAsync(o => o.MaxLoggedRequests = 100);
        var watch = Stopwatch.StartNew();
        store.Sandbox.SetStock(Enumerable.Range(0, Skus).Select(i => ($"BULK-{i:D6}", i % 4 == 0 ? "WH2" : "WH1", (long)(i % 97))));
        var seeding = watch.Elapsed;
        await using var connector = Reader(store);

        watch.Restart();
        var read = await BigCommerceStockReading.ReadAsync(connector, pageSize: 1000);
        watch.Stop();

        TestContext.Progress.WriteLine(
            $"BigCommerce stock read: {Skus} SKUs seeded in {seeding.TotalMilliseconds:0} ms, read in {read.Pages} pages in {watch.Elapsed.TotalMilliseconds:0} ms ({Skus / watch.Elapsed.TotalSeconds:0} SKUs/s)");
        Assert.That(read.Pages, Is.EqualTo(20));
        Assert.That(read.Levels, Has.Count.EqualTo(Skus));
        Assert.That(read.Levels.Select(l => l.Sku).Distinct().Count(), Is.EqualTo(Skus));
        Assert.That(read.Levels.Count(l => l.Location == "WH2"), Is.EqualTo(Skus / 4));
        Assert.That(read.Levels.Sum(l => l.Quantity), Is.EqualTo(Enumerable.Range(0, Skus).Sum(i => (long)(i % 97))));
    }

    private static BigCommerceConnector Reader(BigCommerceTestStore store) =>
        (BigCommerceConnector)new BigCommerceConnectorFactory().Create("bc-recon", store.Channel());

    /// <summary><paramref name="skus"/> SKUs at WH1, every third also at WH2, quantities varied (zero included).</summary>
    private static IEnumerable<(string Sku, string Location, long Quantity)> Levels(int skus)
    {
        for (var i = 0; i < skus; i++)
        {
            yield return ($"REC-{i:D4}", "WH1", i * 7 % 23);
            if (i % 3 == 0)
            {
                yield return ($"REC-{i:D4}", "WH2", 1000 + i);
            }
        }
    }

    private static RequestPlan InventoryPlan(string messageId, string channel, params (string Sku, string Location, int Quantity)[] items)
    {
        var message = new XDocument(new XElement(Inv + "SubmitInventory",
            new XElement(Inv + "MessageId", messageId),
            new XElement(Inv + "SentAt", "2026-11-26T10:00:00Z"),
            new XElement(Inv + "SourceSystem", "SAP-ECC-PRD"),
            new XElement(Inv + "Items", items.Select(i => new XElement(Inv + "Item",
                new XElement(Inv + "Sku", i.Sku), new XElement(Inv + "Location", i.Location), new XElement(Inv + "Quantity", i.Quantity))))));
        using var engine = RepositoryMaps.Open();
        return RequestPlan.Parse(engine.Transform("outbound/bigcommerce/Inventory", message, new Dictionary<string, string>
        {
            ["message-id"] = messageId,
            ["channel"] = channel,
            ["idempotency-key"] = $"{messageId}:{channel}:1",
        }));
    }
}
