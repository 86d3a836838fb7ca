using System.Net;
using System.Net.Sockets;
using ErpBridge.Connectors;
using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using Line = ErpBridge.Tests.Connectors.WooCommerce.WooCommerceMessages.StockLine;
using Product = ErpBridge.Tests.Support.CanonicalProduct;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>The shipped maps' plans, run by the connector against the sandbox over real HTTP.</summary>
[TestFixture]
public sealed class WooCommerceConnectorTests
{
    private const string ChannelName = "woo-test";

    private WooCommerceTestStore store = null!;
    private IChannelConnector connector = null!;

    [SetUp]
    public async Task StartStore()
    {
        store = await WooCommerceTestStore.StartAsync();
        connector = Connect(store.Channel());
    }

    [TearDown]
    public async Task StopStore()
    {
        await connector.DisposeAsync();
        await store.DisposeAsync();
    }

    [Test]
    public async Task Stock_SimpleProducts_OneLookupAndOneBatch()
    {
        store.Sandbox.Seed(["SKU-1", "SKU-2"]);

        var outcome = await connector.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SKU-1", 42), new Line("SKU-2", -3)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        Assert.That(store.Sandbox.State().StockOf("SKU-1"), Is.EqualTo(42));
        Assert.That(store.Sandbox.State().StockOf("SKU-2"), Is.Zero);
        Assert.That(store.Sandbox.Requests.Select(r => $"{r.Method} {r.Path}{r.Query}"),
            Is.EqualTo(new[] { "GET products?sku=SKU-1,SKU-2&per_page=100", "POST products/batch" }));
        var ids = store.Sandbox.State().Products.ToDictionary(p => p.Sku, p => p.Id);
        Assert.That(store.Sandbox.WriteRequests.Single().Body,
            Is.EqualTo($$"""{"update":[{"id":{{ids["SKU-1"]}},"manage_stock":true,"stock_quantity":42},{"id":{{ids["SKU-2"]}},"manage_stock":true,"stock_quantity":0}]}"""));
    }

    [Test]
    public async Task Stock_Variations_GoToTheirParentsBatch_AndSimpleProductsStayOnProductsBatch()
    {
        store.Sandbox.Seed(["SIMPLE"]);
        var (tee, _) = store.Sandbox.SeedVariable("TEE", ["TEE-S", "TEE-M"]);
        var (cap, _) = store.Sandbox.SeedVariable("CAP", ["CAP-1"]);

        var outcome = await connector.ExecuteAsync(WooCommerceMessages.Stock("M-1",
            new Line("TEE-S", 5), new Line("SIMPLE", 1), new Line("CAP-1", 8), new Line("TEE-M", 6)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        var state = store.Sandbox.State();
        Assert.That(new[] { state.StockOf("TEE-S"), state.StockOf("SIMPLE"), state.StockOf("CAP-1"), state.StockOf("TEE-M") }, Is.EqualTo(new int?[] { 5, 1, 8, 6 }));
        var (first, second) = tee.Id < cap.Id ? (tee.Id, cap.Id) : (cap.Id, tee.Id);
        Assert.That(store.Sandbox.WriteRequests.Select(r => r.Path),
            Is.EqualTo(new[] { "products/batch", $"products/{first}/variations/batch", $"products/{second}/variations/batch" }));
        Assert.That(store.Sandbox.Requests.Count(r => r.Method == "GET"), Is.EqualTo(1), "one look-up answers products and variations");
    }

    [Test]
    public async Task Stock_SecondMessage_UsesCachedIds()
    {
        store.Sandbox.Seed(["SKU-1"]);

        await connector.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SKU-1", 1)), CancellationToken.None);
        var outcome = await connector.ExecuteAsync(WooCommerceMessages.Stock("M-2", new Line("SKU-1", 2)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        Assert.That(store.Sandbox.Requests.Count(r => r.Method == "GET"), Is.EqualTo(1));
        Assert.That(store.Sandbox.State().StockOf("SKU-1"), Is.EqualTo(2));
    }

    [Test]
    public async Task Stock_250Items_TheMapSplitsIntoBatchesWithinTheLimit()
    {
        var skus = Enumerable.Range(1, 250).Select(i => $"SKU-{i:000}").ToList();
        store.Sandbox.Seed(skus);

        var outcome = await connector.ExecuteAsync(WooCommerceMessages.Stock("M-1", skus.Select((s, i) => new Line(s, i)).ToArray()), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        Assert.That(store.Sandbox.WriteRequests.Select(r => (r.Path, r.Status)), Is.EqualTo(Enumerable.Repeat(("products/batch", 200), 3)));
        Assert.That(store.Sandbox.State().StockOf("SKU-250"), Is.EqualTo(249));
        Assert.That(store.Sandbox.Requests.Count(r => r.Method == "GET"), Is.EqualTo(5), "50 SKUs per look-up");
    }

    [Test]
    public async Task Stock_UnknownSku_FailsThatItemNamingIt_AndTheRestIsWritten()
    {
        store.Sandbox.Seed(["SKU-1"]);

        var outcome = await connector.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SKU-1", 1), new Line("NOPE-9", 2)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        var failed = ((DeliveryOutcome.Delivered)outcome).ItemFailures.Single();
        Assert.That(failed.Key, Is.EqualTo("inv:NOPE-9@WH-MAIN"));
        Assert.That(failed.Reason, Does.Contain("SKU 'NOPE-9' has no product or variation on channel 'woo-test'"));
        Assert.That(store.Sandbox.State().StockOf("SKU-1"), Is.EqualTo(1));
        Assert.That(store.Sandbox.WriteRequests.Single().Body, Does.Not.Contain("NOPE-9"));
    }

    [Test]
    public async Task Stock_UnknownSkuCreatedLater_IsFoundOnResubmit()
    {
        var plan = WooCommerceMessages.Stock("M-1", new Line("LATE-1", 4));
        var first = await connector.ExecuteAsync(plan, CancellationToken.None);
        store.Sandbox.Seed(["LATE-1"]);

        var second = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(first is DeliveryOutcome.Delivered { ItemFailures.Count: 1 }, Describe(first));
        Assert.That(second is DeliveryOutcome.Delivered { ItemFailures.Count: 0 }, Describe(second));
        Assert.That(store.Sandbox.State().StockOf("LATE-1"), Is.EqualTo(4));
    }

    [Test]
    public async Task Stock_ForAnotherLocation_LeavesThatLineOutWithTheReason_AndSendsTheChannelsLocation()
    {
        store.Sandbox.Seed(["SKU-1"]);

        var outcome = await connector.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SKU-1", 1), new Line("SKU-1", 9, "STORE-BERLIN")), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        var left = ((DeliveryOutcome.Delivered)outcome).ItemFailures.Single();
        Assert.That(left.Key, Is.EqualTo("inv:SKU-1@STORE-BERLIN"));
        Assert.That(left.Reason, Does.Contain("'STORE-BERLIN'").And.Contain("one stock level per product").And.Contain("'WH-MAIN' only"));
        Assert.That(store.Sandbox.State().StockOf("SKU-1"), Is.EqualTo(1));
    }

    [Test]
    public async Task Stock_ChannelWithoutLocation_FailsItsLinesSayingWhatToConfigure()
    {
        await using var unconfigured = Connect(store.Channel(location: null));

        var outcome = await unconfigured.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SKU-1", 1)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        Assert.That(((DeliveryOutcome.Delivered)outcome).ItemFailures.Single().Reason, Does.Contain("set Locations"));
        Assert.That(store.Sandbox.WriteRequests, Is.Empty);
    }

    [Test]
    public async Task Stock_SkuHoldingAComma_IsLookedUpOnItsOwn()
    {
        store.Sandbox.Seed(["SKU-1", "PIPE 1,5"]);

        var outcome = await connector.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SKU-1", 1), new Line("PIPE 1,5", 2)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        Assert.That(store.Sandbox.State().StockOf("PIPE 1,5"), Is.EqualTo(2));
        Assert.That(store.Sandbox.Requests.Where(r => r.Method == "GET").Select(r => r.Query),
            Is.EqualTo(new[] { "?sku=SKU-1&per_page=100", "?sku=PIPE 1,5&per_page=100" }));
    }

    [Test]
    public async Task VariationPath_FilledFromVariationAndVariationParentReferences()
    {
        var (tee, variations) = store.Sandbox.SeedVariable("TEE", ["TEE-S"]);
        var plan = ErpBridge.Mapping.Plans.RequestPlan.Parse(System.Xml.Linq.XDocument.Parse("""
            <plan xmlns="urn:erpbridge:plan:v1" xmlns:fn="http://www.w3.org/2005/xpath-functions">
              <call id="one" method="PUT" path="products/{pid}/variations/{id}">
                <path-param name="pid" ref="variation-parent" key="TEE-S"/>
                <path-param name="id" ref="variation" key="TEE-S"/>
                <body><fn:map><fn:boolean key="manage_stock">true</fn:boolean><fn:number key="stock_quantity">11</fn:number></fn:map></body>
              </call>
            </plan>
            """));

        var outcome = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        Assert.That(store.Sandbox.WriteRequests.Single().Path, Is.EqualTo($"products/{tee.Id}/variations/{variations[0].Id}"));
        Assert.That(store.Sandbox.State().StockOf("TEE-S"), Is.EqualTo(11));
    }

    [Test]
    public async Task ProductReference_ToAVariationSku_IsPermanentSayingSo()
    {
        store.Sandbox.SeedVariable("TEE", ["TEE-S"]);
        var plan = ErpBridge.Mapping.Plans.RequestPlan.Parse(System.Xml.Linq.XDocument.Parse("""
            <plan xmlns="urn:erpbridge:plan:v1" xmlns:fn="http://www.w3.org/2005/xpath-functions">
              <call id="one" method="PUT" path="products/{id}">
                <path-param name="id" ref="product" key="TEE-S"/>
                <body><fn:map><fn:number key="stock_quantity">1</fn:number></fn:map></body>
              </call>
            </plan>
            """));

        var outcome = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("SKU 'TEE-S' is a variation, not a product"));
    }

    [Test]
    public async Task Products_CreateThenUpdate_SecondRunUpdatesTheCreatedProduct()
    {
        var created = await connector.ExecuteAsync(WooCommerceMessages.Products("P-1", new Product("SHOE-1", "Trail Shoe", 119.9m, Description: "Grip <b>sole</b>")), CancellationToken.None);
        var updated = await connector.ExecuteAsync(WooCommerceMessages.Products("P-2", new Product("SHOE-1", "Trail Shoe II", 99m, Status: "archived")), CancellationToken.None);

        Assert.That(created, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(created));
        Assert.That(updated, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(updated));
        var product = store.Sandbox.State().Products.Single();
        Assert.That(((DeliveryOutcome.Delivered)created).PlatformIds["product:SHOE-1"], Is.EqualTo(product.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That((product.Name, product.RegularPrice, product.Status, product.Type), Is.EqualTo(("Trail Shoe II", "99.00", "private", "simple")));
        Assert.That(product.Description, Is.EqualTo("Grip &lt;b&gt;sole&lt;/b&gt;"));
        Assert.That(store.Sandbox.WriteRequests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[] { "POST products", $"PUT products/{product.Id}" }));
    }

    [Test]
    public async Task Products_SkuHeldByAVariation_IsPermanentWithWooCommercesMessage()
    {
        store.Sandbox.SeedVariable("TEE", ["TEE-S"]);

        var outcome = await connector.ExecuteAsync(WooCommerceMessages.Products("P-1", new Product("TEE-S", "Tee S", 10m)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("Invalid or duplicated SKU. (product_invalid_sku)"));
    }

    [Test]
    public async Task Products_DeletedBehindTheConnectorsBack_IsTransientOnce_ThenRecreated()
    {
        var plan = WooCommerceMessages.Products("P-1", new Product("SHOE-1", "Shoe", 10m));
        await connector.ExecuteAsync(plan, CancellationToken.None);
        store.Sandbox.DeleteProduct(store.Sandbox.State().Products.Single().Id);

        var stale = await connector.ExecuteAsync(plan, CancellationToken.None);
        var retried = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(stale, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(((DeliveryOutcome.TransientFailure)stale).Reason, Does.Contain("looked up again"));
        Assert.That(retried, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(retried));
        Assert.That(store.Sandbox.State().Products.Single().Sku, Is.EqualTo("SHOE-1"));
    }

    [Test]
    public async Task ServerError_IsTransient()
    {
        store.Sandbox.Seed(["SKU-1"]);
        store.Sandbox.FailNext(1, 500);

        var outcome = await connector.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SKU-1", 1)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(((DeliveryOutcome.TransientFailure)outcome).Reason, Does.Contain("WooCommerce 500").And.Contain("critical error"));
    }

    [Test]
    public async Task HostRateLimit_IsTransientWithItsRetryAfter()
    {
        store.Sandbox.Seed(["SKU-1"]);
        await connector.ExecuteAsync(WooCommerceMessages.Stock("M-0", new Line("SKU-1", 1)), CancellationToken.None);
        store.Sandbox.FailNext(1, 429, TimeSpan.FromSeconds(30));

        var outcome = await connector.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SKU-1", 2)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(((DeliveryOutcome.TransientFailure)outcome).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task WrongSecret_IsPermanentAuthenticationFailure()
    {
        await using var wrong = Connect(store.Channel(secret: "cs_wrong"));

        var outcome = await wrong.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SKU-1", 1)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.StartWith("authentication failed (401").And.Contain("Invalid signature"));
    }

    [Test]
    public async Task ConnectionRefused_IsTransient()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var channel = store.Channel();
        channel.BaseUrl = $"http://127.0.0.1:{port}/";
        await using var unreachable = Connect(channel);

        var outcome = await unreachable.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SKU-1", 1)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>());
    }

    [Test]
    public async Task DryRun_ShowsTheSplitCallsWithIdsAndMaskedCredentials_AndWritesNothing()
    {
        store.Sandbox.Seed(["SIMPLE"]);
        var (tee, variations) = store.Sandbox.SeedVariable("TEE", ["TEE-S"]);

        var calls = await connector.PrepareAsync(WooCommerceMessages.Stock("M-1", new Line("SIMPLE", 3), new Line("TEE-S", 4)), CancellationToken.None);

        Assert.That(calls.Select(c => c.Url.AbsolutePath), Is.EqualTo(new[] { "/wp-json/wc/v3/products/batch", $"/wp-json/wc/v3/products/{tee.Id}/variations/batch" }));
        Assert.That(calls[1].JsonBody, Is.EqualTo($$"""{"update":[{"id":{{variations[0].Id}},"manage_stock":true,"stock_quantity":4}]}"""));
        Assert.That(calls[0].Url.Query, Does.Contain("oauth_consumer_key=%2A%2A%2A").And.Contain("oauth_signature=%2A%2A%2A").And.Not.Contain(WooCommerceTestStore.Key));
        Assert.That(calls.Select(c => c.SkipReason), Is.All.Null);
        Assert.That(store.Sandbox.WriteRequests, Is.Empty);
    }

    [Test]
    public async Task DryRun_OfProducts_ShowsWhichBranchIsSkipped()
    {
        var calls = await connector.PrepareAsync(WooCommerceMessages.Products("P-1", new Product("NEW-1", "New", 1m)), CancellationToken.None);

        Assert.That(calls.Select(c => (c.Id, c.SkipReason)), Is.EqualTo(new[] { ("create-1", (string?)null), ("update-1", "condition: product 'NEW-1' is missing") }));
    }

    [Test]
    public async Task DryRun_OverHttps_UsesMaskedBasicAuth()
    {
        var channel = store.Channel();
        channel.BaseUrl = "https://shop.invalid/";
        await using var https = Connect(channel);

        var calls = await https.PrepareAsync(RequestPlanWithoutReferences(), CancellationToken.None);

        Assert.That(calls.Single().Headers, Does.Contain(new KeyValuePair<string, string>("Authorization", "Basic ***")));
        Assert.That(calls.Single().Url.Query, Does.Not.Contain("oauth_"));
    }

    [Test]
    public void Factory_RefusesAChannelWithTwoLocationsOrWithoutSecret()
    {
        var factory = new WooCommerceConnectorFactory();
        var twoLocations = store.Channel();
        twoLocations.Locations["WH-2"] = "store";
        var noSecret = store.Channel();
        noSecret.ConsumerSecret = null;

        Assert.That(() => factory.Create("c", twoLocations), Throws.ArgumentException.With.Message.Contains("one ERP location code"));
        Assert.That(() => factory.Create("c", noSecret), Throws.ArgumentException.With.Message.Contains("ConsumerSecret"));
        Assert.That(factory.Platform, Is.EqualTo(Platform.WooCommerce));
    }

    private static ErpBridge.Mapping.Plans.RequestPlan RequestPlanWithoutReferences() =>
        ErpBridge.Mapping.Plans.RequestPlan.Parse(System.Xml.Linq.XDocument.Parse(
            """<plan xmlns="urn:erpbridge:plan:v1"><call id="list" method="GET" path="products"><query name="per_page" value="1"/></call></plan>"""));

    private static IChannelConnector Connect(ChannelOptions channel) =>
        new WooCommerceConnectorFactory(new WooCommerceConnectorOptions { RequestTimeout = TimeSpan.FromSeconds(10) }).Create(ChannelName, channel);

    private static string Describe(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.PermanentFailure p => p.Reason,
        DeliveryOutcome.TransientFailure t => t.Reason,
        _ => outcome.ToString(),
    };
}
