using System.Text.Json;
using ErpBridge.Connectors;
using ErpBridge.Connectors.Api2Cart;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Tests.Connectors.Api2Cart;

/// <summary>The API2Cart connector against its sandbox: return codes, ids, idempotency keys, concurrency, orders and stock reads.</summary>
public sealed class Api2CartConnectorTests
{
    [Test]
    public async Task Stock_ByWarehouse_AndAnUnknownSkuFailsItsLineAlone()
    {
        await using var store = await Api2CartTestStore.StartAsync();
        store.Sandbox.Seed(["K-1"]);

        var outcome = await store.Connector.ExecuteAsync(Api2CartTestStore.Plan("Inventory", Api2CartTestStore.Stock(("K-1", "WH1", 4), ("K-1", "WH2", 9), ("K-404", "WH1", 1))), CancellationToken.None);

        var delivered = outcome as DeliveryOutcome.Delivered;
        Assert.That(delivered, Is.Not.Null, outcome.ToString());
        Assert.That(delivered!.FailedItems!.Select(i => (i.Key, i.Reason)), Is.EqualTo(new[] { ("inv:K-404@WH1", "SKU 'K-404' has no product on channel 'a2c-test'") }));
        Assert.That((store.Sandbox.State().QuantityOf("K-1"), store.Sandbox.State().QuantityOf("K-1", "1")), Is.EqualTo(((decimal?)4, (decimal?)9)));
        Assert.That(store.Sandbox.WriteRequests.Select(r => JsonDocument.Parse(r.Body!).RootElement.TryGetProperty("warehouse_id", out var w) ? w.GetString() : null), Is.EqualTo(new[] { null, "1" }));
    }

    [Test]
    public async Task ALostAnswer_RetriedWithinTheWindow_IsReplayedNotRunAgain()
    {
        await using var store = await Api2CartTestStore.StartAsync();
        var plan = Api2CartTestStore.Plan("Products", Api2CartTestStore.Product("K-NEW", "New", 5m), "DELIVERY-1");

        var first = await store.Connector.ExecuteAsync(plan, CancellationToken.None);
        store.Sandbox.DeleteProduct("K-NEW");
        store.Sandbox.Seed(["OTHER"]);

        // A restarted bridge (the first answer lost, so the delivery is retried) has an empty cache: K-NEW is missing on the
        // cart again, and the plan takes the create branch with the same idempotency_key.
        await using var restarted = new Api2CartConnectorFactory().Create("a2c-test", new ChannelOptions
        {
            Platform = Platform.Api2Cart,
            BaseUrl = store.Sandbox.ApiRoot.ToString(),
            ApiKey = Api2CartTestStore.ApiKey,
            StoreKey = Api2CartTestStore.StoreKey,
        });
        var second = await restarted.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(new[] { first, second }, Has.All.InstanceOf<DeliveryOutcome.Delivered>());
        Assert.That(store.Sandbox.ReplayedCount, Is.EqualTo(1), "the second product.add carried the same idempotency_key and got the first answer");
        Assert.That(store.Sandbox.State().ProductBySku("K-NEW"), Is.Null, "replayed, not run again (the product deleted in between stays deleted)");
    }

    [Test]
    public async Task ReturnCodes_TransientCredentialsAndPermanent()
    {
        await using var store = await Api2CartTestStore.StartAsync();
        store.Sandbox.Seed(["K-1"]);
        var plan = Api2CartTestStore.Plan("Inventory", Api2CartTestStore.Stock(("K-1", "WH1", 1)));

        store.Sandbox.FailNext(1, 110);
        var limited = await store.Connector.ExecuteAsync(plan, CancellationToken.None);
        store.Sandbox.FailNext(1, 503);
        var proxy = await store.Connector.ExecuteAsync(plan, CancellationToken.None);
        store.Sandbox.FailNext(1, 114);
        var refused = await store.Connector.ExecuteAsync(plan, CancellationToken.None);
        await using var wrongKey = await Api2CartTestStore.StartAsync(apiKey: "wrong");
        var credentials = await wrongKey.Connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(limited, Is.InstanceOf<DeliveryOutcome.TransientFailure>().And.Property("Reason").Contains("return code 110"));
        Assert.That(proxy, Is.InstanceOf<DeliveryOutcome.TransientFailure>().And.Property("Reason").Contains("503"));
        Assert.That(refused, Is.InstanceOf<DeliveryOutcome.PermanentFailure>().And.Property("CredentialsRefused").False);
        Assert.That(credentials, Is.InstanceOf<DeliveryOutcome.PermanentFailure>().And.Property("CredentialsRefused").True);
        Assert.That(((DeliveryOutcome.PermanentFailure)credentials).Reason, Does.Contain("Incorrect API Key").And.Not.Contain("wrong"));
    }

    [Test]
    public async Task AProductDeletedOnTheCart_ItsCachedIdIsForgotten_AndTheNextAttemptCreatesIt()
    {
        await using var store = await Api2CartTestStore.StartAsync();
        store.Sandbox.Seed(["K-1"]);
        var first = await store.Connector.ExecuteAsync(Api2CartTestStore.Plan("Products", Api2CartTestStore.Product("K-1", "One", 3m), "A"), CancellationToken.None);
        store.Sandbox.DeleteProduct("K-1");

        var stale = await store.Connector.ExecuteAsync(Api2CartTestStore.Plan("Products", Api2CartTestStore.Product("K-1", "One again", 3m), "B"), CancellationToken.None);
        var retried = await store.Connector.ExecuteAsync(Api2CartTestStore.Plan("Products", Api2CartTestStore.Product("K-1", "One again", 3m), "B"), CancellationToken.None);

        Assert.That(first, Is.InstanceOf<DeliveryOutcome.Delivered>());
        Assert.That(stale, Is.InstanceOf<DeliveryOutcome.TransientFailure>().And.Property("Reason").Contains("return code 112").And.Property("Reason").Contains("forgotten"));
        Assert.That(retried, Is.InstanceOf<DeliveryOutcome.Delivered>());
        Assert.That(store.Sandbox.State().ProductBySku("K-1")!.Name, Is.EqualTo("One again"));
    }

    [Test]
    public async Task DryRun_MasksBothKeys()
    {
        await using var store = await Api2CartTestStore.StartAsync();
        store.Sandbox.Seed(["K-1"]);

        var prepared = await store.Connector.PrepareAsync(Api2CartTestStore.Plan("Inventory", Api2CartTestStore.Stock(("K-1", "WH2", 2))), CancellationToken.None);

        var call = prepared.Single();
        Assert.That(call.Headers.Where(h => h.Key.StartsWith("x-", StringComparison.Ordinal)).Select(h => h.Value), Is.EqualTo(new[] { "***", "***" }));
        Assert.That(call.Url.ToString(), Does.EndWith("/v1.1/product.update.json"));
        Assert.That(call.JsonBody, Does.Contain("\"warehouse_id\":\"1\"").And.Contains("\"quantity\":2"));
        Assert.That(store.Sandbox.WriteRequests, Is.Empty);
    }

    [Test]
    public async Task ManyCallsAtOnce_StayWithinTheStoresConcurrency()
    {
        await using var store = await Api2CartTestStore.StartAsync(o => o.MaxConcurrentRequests = 2, new Api2CartConnectorOptions { MaxConcurrentRequests = 2 });
        store.Sandbox.Seed(["K-1"]);
        store.Sandbox.Delay(TimeSpan.FromMilliseconds(50));

        var reads = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => store.StockReader.ReadStockAsync(new StockQuery(null, 10), CancellationToken.None)));

        Assert.That(reads.Select(r => r.Failure), Has.All.Null, "no return code 7: never more than 2 calls in flight");
    }

    [Test]
    public async Task Orders_ChangedSince_OldestFirst_InPagesOfStartAndCount()
    {
        await using var store = await Api2CartTestStore.StartAsync();
        var t0 = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 5; i++)
        {
            store.Sandbox.SeedOrder($"90{i}", [("K-1", i)], at: t0.AddMinutes(10 - i));
        }

        var pages = new List<OrderPage>();
        string? token = null;
        do
        {
            var result = await store.Orders.ReadOrdersAsync(new OrderQuery(t0.AddMinutes(6), token, 2), CancellationToken.None);
            Assert.That(result.Failure, Is.Null);
            pages.Add(result.Page!);
            token = result.Page!.NextPageToken;
        }
        while (token is not null);

        Assert.That(pages.SelectMany(p => p.Orders).Select(o => o.OrderNumber), Is.EqualTo(new[] { "904", "903", "902", "901" }), "changed at or after 08:06, oldest change first");
        Assert.That(pages.Select(p => p.Orders.Count), Is.EqualTo(new[] { 2, 2, 0 }));
        Assert.That(pages[0].Orders[0].UpdatedAt, Is.EqualTo(t0.AddMinutes(6)));
        var list = store.Sandbox.Requests.Where(r => r.Path == "order.list.json").Select(r => r.Query).ToList();
        Assert.That(list[0], Does.Contain("modified_from=2026-11-20%2008%3A06%3A00").And.Contain("start=0&count=2"));
        Assert.That(list[1], Does.Contain("start=2&count=2"));
        using var json = JsonDocument.Parse(pages[0].Orders[0].Json);
        Assert.That(json.RootElement.GetProperty("order_products").GetArrayLength(), Is.EqualTo(1), "the whole order, lines included");
    }

    [Test]
    public async Task StockRead_ReportsEachMappedLocation_AndPagesByOffset()
    {
        await using var store = await Api2CartTestStore.StartAsync();
        store.Sandbox.SetStock([("K-1", null, 3), ("K-1", "1", 8), ("K-2", null, 5), ("K-3", "2", 6)]);

        var first = await store.StockReader.ReadStockAsync(new StockQuery(null, 2), CancellationToken.None);
        var second = await store.StockReader.ReadStockAsync(new StockQuery(first.Page!.NextPageToken, 2), CancellationToken.None);
        var bad = await store.StockReader.ReadStockAsync(new StockQuery("page=2", 2), CancellationToken.None);

        Assert.That(first.Page.Levels, Is.EqualTo(new[] { new StockLevel("K-1", "WH1", 3), new StockLevel("K-1", "WH2", 8), new StockLevel("K-2", "WH1", 5) }));
        Assert.That(first.Page.NextPageToken, Is.EqualTo("2"));
        Assert.That(second.Page!.Levels, Is.EqualTo(new[] { new StockLevel("K-3", "WH1", 0) }), "warehouse 2 is no ERP location of this channel");
        Assert.That(second.Page.NextPageToken, Is.Null);
        Assert.That(bad.Failure, Is.InstanceOf<DeliveryOutcome.PermanentFailure>());
    }

    [Test]
    public async Task LocationsTheChannelDoesNotMap_AreDeclined()
    {
        await using var store = await Api2CartTestStore.StartAsync();

        Assert.That((store.Connector.DeclinedLocation("WH1"), store.Connector.DeclinedLocation("WH2")), Is.EqualTo(((string?)null, (string?)null)));
        Assert.That(store.Connector.DeclinedLocation("WH9"), Does.Contain("WH9").And.Contain("Locations"));
    }
}
