using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Connectors.Magento;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using Line = ErpBridge.Tests.Connectors.Magento.MagentoPlans.StockLine;
using Product = ErpBridge.Tests.Support.CanonicalProduct;

namespace ErpBridge.Tests.Connectors.Magento;

/// <summary>The connector against the sandbox over real HTTP, with plans made by the Magento maps; every request sent is checked against the published contract.</summary>
[TestFixture]
public sealed class MagentoConnectorTests
{
    private MagentoTestStore store = null!;

    [SetUp]
    public async Task StartStore() => store = await MagentoTestStore.StartAsync();

    [TearDown]
    public async Task StopStore() => await store.DisposeAsync();

    [Test]
    public async Task Stock_OAuthSigned_SetsSourceItemsAfterOneSourceLookup()
    {
        store.Sandbox.Seed(["SKU-1", "SKU-2"]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "WH1", 42), new Line("SKU-2", "WH2", 0)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        var state = store.Sandbox.State();
        Assert.That(state.SourceItem("SKU-1", "WH1"), Is.EqualTo(new global::ErpBridge.Sandboxes.Magento.MagentoSourceItem("SKU-1", "WH1", 42, 1)));
        Assert.That(state.SourceItem("SKU-2", "WH2"), Is.EqualTo(new global::ErpBridge.Sandboxes.Magento.MagentoSourceItem("SKU-2", "WH2", 0, 0)));
        Assert.That(store.Sandbox.Requests.Select(r => $"{r.Method} {r.Path} {r.Auth}"),
            Is.EqualTo(new[] { "GET V1/inventory/sources oauth-HMAC-SHA256", "GET V1/products oauth-HMAC-SHA256", "POST V1/inventory/source-items oauth-HMAC-SHA256" }));
        Assert.That(store.Sandbox.WriteRequests.Single().Body,
            Is.EqualTo("""{"sourceItems":[{"sku":"SKU-1","source_code":"WH1","quantity":42,"status":1},{"sku":"SKU-2","source_code":"WH2","quantity":0,"status":0}]}"""));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task Stock_WithAnAdminTokenAsBearer_IsDelivered()
    {
        store.Sandbox.Seed(["SKU-1"]);
        await using var connector = MagentoTestStore.Connect("mage", store.BearerChannel());

        var outcome = await connector.ExecuteAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "default", 3)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        Assert.That(store.Sandbox.State().SourceItem("SKU-1", "default")?.Quantity, Is.EqualTo(3));
        Assert.That(store.Sandbox.Requests.Select(r => r.Auth).Distinct(), Is.EqualTo(new[] { "admin-bearer" }));
    }

    [Test]
    public async Task Stock_LocationsMappedOnTheChannel_NeedNoLookupAndSourcesAreCachedBetweenPlans()
    {
        store.Sandbox.Seed(["SKU-1"]);
        var options = store.OAuthChannel();
        options.Locations["PLANT-1000"] = "WH2";
        await using var connector = MagentoTestStore.Connect("mage", options);

        var mapped = await connector.ExecuteAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "PLANT-1000", 5)), CancellationToken.None);
        await connector.ExecuteAsync(MagentoPlans.Stock("INV-2", new Line("SKU-1", "WH1", 6)), CancellationToken.None);
        await connector.ExecuteAsync(MagentoPlans.Stock("INV-3", new Line("SKU-1", "WH1", 7)), CancellationToken.None);

        Assert.That(mapped, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(mapped));
        Assert.That(store.Sandbox.State().SourceItem("SKU-1", "WH2")?.Quantity, Is.EqualTo(5));
        Assert.That(store.Sandbox.State().SourceItem("SKU-1", "WH1")?.Quantity, Is.EqualTo(7));
        Assert.That(store.Sandbox.Requests.Count(r => r.Path == "V1/inventory/sources"), Is.EqualTo(1));
    }

    [Test]
    public async Task Stock_ForAnUnknownLocation_FailsThatItemAndSendsNothing()
    {
        store.Sandbox.Seed(["SKU-1"]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "NOWHERE", 5)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        var failed = ((DeliveryOutcome.Delivered)outcome).ItemFailures.Single();
        Assert.That(failed.Key, Is.EqualTo("inv:SKU-1@NOWHERE"));
        Assert.That(failed.Reason, Does.Contain("ERP location 'NOWHERE' has no MSI source"));
        Assert.That(store.Sandbox.WriteRequests, Is.Empty);
    }

    [Test]
    public async Task Stock_AfterTheMissingSourceIsCreated_IsDeliveredOnResubmit()
    {
        store.Sandbox.Seed(["SKU-1"]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());
        var plan = MagentoPlans.Stock("INV-1", new Line("SKU-1", "WH-NEW", 5));

        var first = await connector.ExecuteAsync(plan, CancellationToken.None);
        store.Sandbox.AddSources(["WH-NEW"]);
        var resubmitted = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(first is DeliveryOutcome.Delivered { ItemFailures.Count: 1 }, Describe(first));
        Assert.That(resubmitted is DeliveryOutcome.Delivered { ItemFailures.Count: 0 }, Describe(resubmitted));
        Assert.That(store.Sandbox.State().SourceItem("SKU-1", "WH-NEW")?.Quantity, Is.EqualTo(5));
    }

    [Test]
    public async Task Stock_ForAnUnknownSku_FailsThatItemAlone_AndSavesTheRest()
    {
        store.Sandbox.Seed(["SKU-1"]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "WH1", 5), new Line("GHOST-9", "WH1", 1)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        var failed = ((DeliveryOutcome.Delivered)outcome).ItemFailures.Single();
        Assert.That(failed.Key, Is.EqualTo("inv:GHOST-9@WH1"));
        Assert.That(failed.Reason, Does.Contain("SKU 'GHOST-9' is not on channel 'mage'"));
        Assert.That(store.Sandbox.State().SourceItem("SKU-1", "WH1")?.Quantity, Is.EqualTo(5));
        Assert.That(store.Sandbox.WriteRequests.Single().Body, Does.Not.Contain("GHOST-9"));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task MsiValidationFailure_IsPermanentWithEachRuleMessageFilledIn()
    {
        store.Sandbox.Seed(["SKU-1"]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());
        var plan = PlanOf("""
            <call id="bad-status" method="POST" path="V1/inventory/source-items"><body><fn:map><fn:array key="sourceItems"><fn:map>
              <fn:string key="sku">SKU-1</fn:string><fn:string key="source_code">WH1</fn:string>
              <fn:number key="quantity">1</fn:number><fn:number key="status">5</fn:number>
            </fn:map></fn:array></fn:map></body></call>
            """);

        var outcome = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), Describe(outcome));
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("Validation Failed; \"status\" should a known status."));
    }

    [Test]
    public async Task SignedRequestWithABracketedQuery_IsAccepted()
    {
        store.Sandbox.Seed(["A 1", "B-2"]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());
        var plan = PlanOf("""
            <call id="search" method="GET" path="V1/products">
              <query name="searchCriteria[filter_groups][0][filters][0][field]" value="sku"/>
              <query name="searchCriteria[filter_groups][0][filters][0][value]" value="A 1,B-2"/>
              <query name="searchCriteria[filter_groups][0][filters][0][condition_type]" value="in"/>
            </call>
            """);

        var outcome = await connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(outcome));
        Assert.That(store.Sandbox.Requests.Single().Auth, Is.EqualTo("oauth-HMAC-SHA256"));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task Products_SavedTwice_AreCreatedThenUpdatedBySku()
    {
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());

        var created = await connector.ExecuteAsync(MagentoPlans.Products("PRD-1", new Product("SHOE-1", "Trail Shoe", 119.90m, Description: "Light <b>& fast</b>", WeightKg: 0.85m)), CancellationToken.None);
        var updated = await connector.ExecuteAsync(MagentoPlans.Products("PRD-2", new Product("SHOE-1", "Trail Shoe II", 99m, Status: "archived")), CancellationToken.None);

        Assert.That(created, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(created));
        Assert.That(updated, Is.TypeOf<DeliveryOutcome.Delivered>(), Describe(updated));
        var product = store.Sandbox.State().Products.Single();
        Assert.That((product.Sku, product.Name, product.Price, product.Status, product.Visibility, product.Weight), Is.EqualTo(("SHOE-1", "Trail Shoe II", 99m, 2, 1, 0.85m)));
        Assert.That(product.CustomAttributes["description"], Is.EqualTo("Light &lt;b&gt;&amp; fast&lt;/b&gt;"));
        Assert.That(((DeliveryOutcome.Delivered)created).PlatformIds["product:SHOE-1"], Is.EqualTo(product.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(((DeliveryOutcome.Delivered)updated).PlatformIds["product:SHOE-1"], Is.EqualTo(product.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(store.Sandbox.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[] { "POST V1/products", "POST V1/products" }));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task ServerError500_IsTransient()
    {
        store.Sandbox.Seed(["SKU-1"]);
        store.Sandbox.FailNext(1, 500);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "WH1", 5)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>(), Describe(outcome));
        Assert.That(((DeliveryOutcome.TransientFailure)outcome).Reason, Does.Contain("Magento 500").And.Contain("Internal Error"));
    }

    [Test]
    public async Task TooManyRequestsFromAProxy_IsTransientWithItsRetryAfter()
    {
        store.Sandbox.Seed(["SKU-1"]);
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel(), new MagentoConnectorOptions { DefaultStoreCode = "default" });
        await connector.ExecuteAsync(MagentoPlans.Stock("INV-0", new Line("SKU-1", "WH1", 1)), CancellationToken.None);
        store.Sandbox.FailNext(1, 429, TimeSpan.FromSeconds(30));

        var outcome = await connector.ExecuteAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "WH1", 5)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>(), Describe(outcome));
        Assert.That(((DeliveryOutcome.TransientFailure)outcome).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task IntegrationTokenSentAsBearer_IsPermanentAuthFailureNamingTheResource()
    {
        store.Sandbox.Seed(["SKU-1"]);
        var options = new ChannelOptions { Platform = Platform.Magento, BaseUrl = store.Sandbox.BaseAddress.ToString(), AccessToken = store.Sandbox.Options.IntegrationAccessToken };
        await using var connector = MagentoTestStore.Connect("mage", options);

        var outcome = await connector.ExecuteAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "WH1", 5)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), Describe(outcome));
        var reason = ((DeliveryOutcome.PermanentFailure)outcome).Reason;
        Assert.That(reason, Does.StartWith("authentication failed (401"));
        Assert.That(reason, Does.Contain("The consumer isn't authorized to access Magento_InventoryApi::source."));
        Assert.That(reason, Does.Contain("AccessTokenSecret"));
    }

    [Test]
    public async Task WrongConsumerSecret_IsPermanentAuthFailure()
    {
        var options = store.OAuthChannel();
        options.ConsumerSecret = "not-the-secret";
        await using var connector = MagentoTestStore.Connect("mage", options);

        var outcome = await connector.ExecuteAsync(MagentoPlans.Products("PRD-1", new Product("SKU-1", "Name", 1m)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), Describe(outcome));
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("401").And.Contain("The signature is invalid. Verify and try again."));
        Assert.That(store.Sandbox.State().Products, Is.Empty);
    }

    [Test]
    public async Task ConnectionRefused_IsTransient()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new ChannelOptions { Platform = Platform.Magento, BaseUrl = $"http://127.0.0.1:{port}/", AccessToken = "t" };
        await using var connector = MagentoTestStore.Connect("mage", options);

        var outcome = await connector.ExecuteAsync(MagentoPlans.Products("PRD-1", new Product("SKU-1", "Name", 1m)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>(), Describe(outcome));
    }

    [Test]
    public async Task DryRun_ResolvesSourcesSendsNothingAndMasksCredentials()
    {
        store.Sandbox.Seed(["SKU-1"]);
        var options = store.OAuthChannel();
        await using var connector = MagentoTestStore.Connect("mage", options);

        var calls = await connector.PrepareAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "WH1", 5)), CancellationToken.None);

        var call = calls.Single();
        Assert.That((call.Method, call.Url), Is.EqualTo(("POST", new Uri(store.Api(), "V1/inventory/source-items"))));
        Assert.That(call.JsonBody, Is.EqualTo("""{"sourceItems":[{"sku":"SKU-1","source_code":"WH1","quantity":5,"status":1}]}"""));
        var authorization = call.Headers.Single(h => h.Key == "Authorization").Value;
        Assert.That(authorization, Does.StartWith("OAuth "));
        Assert.That(authorization, Does.Not.Contain(options.AccessToken).And.Not.Contain(options.ConsumerSecret).And.Not.Contain(options.AccessTokenSecret));
        Assert.That(store.Sandbox.WriteRequests, Is.Empty);
        Assert.That(store.Sandbox.State().SourceItems, Is.Empty);
    }

    [Test]
    public async Task DryRun_WithBearer_MasksTheTokenAndReportsAMissingSource()
    {
        var options = store.BearerChannel();
        await using var connector = MagentoTestStore.Connect("mage", options);

        var calls = await connector.PrepareAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "NOWHERE", 5)), CancellationToken.None);

        Assert.That(calls.Single().Headers.Single(h => h.Key == "Authorization").Value, Is.EqualTo("Bearer ***"));
        Assert.That(calls.Single().SkipReason, Does.Contain("every item left out").And.Contain("NOWHERE"));
    }

    [Test]
    public async Task DryRun_WhenTheStoreRefusesTheCredentials_Throws()
    {
        var options = store.OAuthChannel();
        options.AccessTokenSecret = "wrong";
        await using var connector = MagentoTestStore.Connect("mage", options);

        var exception = await Assert.ThrowsAsync<PlanPreparationException>(() => connector.PrepareAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "WH1", 5)), CancellationToken.None));

        Assert.That(exception!.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
    }

    [Test]
    public async Task StoreCode_DefaultsToAllAndMayBeGivenInTheBaseUrl()
    {
        store.Sandbox.Seed(["SKU-1"]);
        var options = store.OAuthChannel();
        await using (var byDefault = new MagentoConnectorFactory().Create("mage", options))
        {
            await byDefault.ExecuteAsync(MagentoPlans.Stock("INV-1", new Line("SKU-1", "WH1", 1)), CancellationToken.None);
        }

        options.BaseUrl = new Uri(store.Sandbox.BaseAddress, "rest/default").ToString();
        await using (var named = new MagentoConnectorFactory().Create("mage", options))
        {
            await named.ExecuteAsync(MagentoPlans.Stock("INV-2", new Line("SKU-1", "WH1", 2)), CancellationToken.None);
        }

        Assert.That(store.Sandbox.WriteRequests.Select(r => r.Store), Is.EqualTo(new[] { "all", "default" }));
    }

    [Test]
    public void Factory_WithOnlySomeOAuthCredentials_IsAConfigurationError()
    {
        var options = store.OAuthChannel();
        options.AccessTokenSecret = null;

        var exception = Assert.Throws<ArgumentException>(() => new MagentoConnectorFactory().Create("mage", options));

        Assert.That(exception!.Message, Does.Contain("AccessTokenSecret"));
        Assert.Throws<ArgumentException>(() => new MagentoConnectorFactory().Create("mage", new ChannelOptions { BaseUrl = "https://shop.example.com/" }));
        Assert.Throws<ArgumentException>(() => new MagentoConnectorFactory().Create("mage", new ChannelOptions { BaseUrl = "not a url", AccessToken = "t" }));
    }

    private static RequestPlan PlanOf(string calls) => RequestPlan.Parse(XDocument.Parse(
        $"""<plan xmlns="{RequestPlan.Namespace}" xmlns:fn="{JsonXml.Namespace}">{calls}</plan>"""));

    private void AssertRequestsMatchContract()
    {
        var problems = store.Sandbox.Requests.SelectMany(r => MagentoContract.Validate(r.Method, r.Path + r.Query, r.Body)).ToList();
        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    private static string Describe(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.TransientFailure t => "transient: " + t.Reason,
        DeliveryOutcome.PermanentFailure p => "permanent: " + p.Reason,
        _ => outcome.ToString(),
    };
}
