using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Plans;
using ErpBridge.Sandboxes.Magento;
using ErpBridge.Tests.Connectors.Magento;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Sandboxes.Magento;

/// <summary>The Magento sandbox over real HTTP: admin tokens, OAuth 1.0a signatures, Magento's answers and error bodies, the price API.</summary>
[TestFixture]
public sealed class MagentoSandboxTests
{
    private MagentoTestStore store = null!;

    [SetUp]
    public async Task StartStore() => store = await MagentoTestStore.StartAsync();

    [TearDown]
    public async Task StopStore() => await store.DisposeAsync();

    [Test]
    public async Task BasePrices_SetsThePriceOnly()
    {
        store.Sandbox.Seed(["SKU-1"]);
        var before = store.Sandbox.State().ProductBySku("SKU-1")!;
        await using var connector = MagentoTestStore.Connect("magento", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(Plan(("SKU-1", "12.99", 0)), CancellationToken.None);

        Assert.That(outcome, Is.InstanceOf<DeliveryOutcome.Delivered>());
        var after = store.Sandbox.State().ProductBySku("SKU-1")!;
        Assert.That(after, Is.EqualTo(before with { Price = 12.99m, UpdatedAt = after.UpdatedAt }));
    }

    [Test]
    public async Task BasePrices_AnEntryMagentoLeavesOut_FailsTheCall_WithMagentosMessage()
    {
        store.Sandbox.Seed(["SKU-1", "SKU-2"]);
        await using var connector = MagentoTestStore.Connect("magento", store.OAuthChannel());

        var outcome = await connector.ExecuteAsync(Plan(("SKU-1", "5", 0), ("SKU-2", "6", 3)), CancellationToken.None);

        Assert.That(outcome, Is.InstanceOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.StartWith("Magento did not set 1 price(s): Requested store is not found. Row ID: SKU = SKU-2, Store ID: 3."));
        Assert.That(store.Sandbox.State().ProductBySku("SKU-1")!.Price, Is.EqualTo(5m), "Magento sets the valid entries");
    }

    [Test]
    public async Task AdminToken_IssuedForTheAdminUser_IsAcceptedAsBearer()
    {
        store.Sandbox.Seed(["SKU-1"]);
        using var tokenResponse = await store.Http.PostAsJsonAsync(new Uri(store.Api(), "V1/integration/admin/token"),
            new { username = "admin", password = "sandbox-password" });
        Assert.That(tokenResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var token = await tokenResponse.Content.ReadFromJsonAsync<string>();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(store.Api(), "V1/products/SKU-1"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await store.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var product = JsonDocument.Parse(body);
        Assert.That(product.RootElement.GetProperty("sku").GetString(), Is.EqualTo("SKU-1"));
        Assert.That(store.Sandbox.Requests.Single().Auth, Is.EqualTo("admin-bearer"));
        Assert.That(MagentoContract.ValidateResponse("GET", "V1/products/SKU-1", 200, body), Is.Empty);
    }

    [Test]
    public async Task AdminToken_WrongPassword_Is401WithMagentosMessage()
    {
        using var response = await store.Http.PostAsJsonAsync(new Uri(store.Api(), "V1/integration/admin/token"), new { username = "admin", password = "nope" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await Message(response), Does.StartWith("The account sign-in was incorrect"));
    }

    [Test]
    public async Task AdminToken_AfterFourHours_IsRefused()
    {
        var clock = new ManualTimeProvider(TimeProvider.System.GetUtcNow());
        await using var timed = await MagentoTestStore.StartAsync(o => o.TimeProvider = clock);
        var token = timed.Sandbox.IssueAdminToken();

        using var fresh = await timed.Http.SendAsync(Bearer(HttpMethod.Get, new Uri(timed.Api(), "V1/inventory/sources"), token));
        clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromSeconds(1));
        using var expired = await timed.Http.SendAsync(Bearer(HttpMethod.Get, new Uri(timed.Api(), "V1/inventory/sources"), token));

        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task IntegrationTokenAsBearer_ByDefault_IsRefusedWithMagentos401Body()
    {
        using var response = await store.Http.SendAsync(Bearer(HttpMethod.Get, new Uri(store.Api(), "V1/inventory/sources"), store.Sandbox.Options.IntegrationAccessToken));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("message").GetString(), Is.EqualTo("The consumer isn't authorized to access %resources."));
        Assert.That(json.RootElement.GetProperty("parameters").GetProperty("resources").GetString(), Is.EqualTo("Magento_InventoryApi::source"));
        Assert.That(store.Sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task IntegrationTokenAsBearer_WhenTheStoreAllowsIt_IsAccepted()
    {
        await using var lenient = await MagentoTestStore.StartAsync(o => o.AllowIntegrationTokenAsBearer = true);

        using var response = await lenient.Http.SendAsync(Bearer(HttpMethod.Get, new Uri(lenient.Api(), "V1/inventory/sources"), lenient.Sandbox.Options.IntegrationAccessToken));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(lenient.Sandbox.Requests.Single().Auth, Is.EqualTo("integration-bearer"));
    }

    [TestCase("HMAC-SHA1")]
    [TestCase("HMAC-SHA256")]
    public async Task OAuthSignedRequest_WithBracketedSearchQuery_IsAccepted(string signatureMethod)
    {
        store.Sandbox.Seed(["A-1", "B 2", "C-3"]);
        var url = new Uri(store.Api(), "V1/products?" + Search("sku", "A-1,B 2", "in"));

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", Signer().Header("GET", url, signatureMethod));
        using var response = await store.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()), Is.EqualTo(new[] { "A-1", "B 2" }));
        Assert.That(json.RootElement.GetProperty("total_count").GetInt32(), Is.EqualTo(2));
        Assert.That(store.Sandbox.Requests.Single().Auth, Is.EqualTo("oauth-" + signatureMethod));
        Assert.That(MagentoContract.Validate("GET", "V1/products?" + Search("sku", "A-1,B 2", "in"), null), Is.Empty);
        Assert.That(MagentoContract.ValidateResponse("GET", "V1/products", 200, body), Is.Empty);
    }

    [Test]
    public async Task OAuthSignedRequest_WithTheWrongConsumerSecret_IsRefused()
    {
        var url = new Uri(store.Api(), "V1/inventory/sources");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", (Signer() with { ConsumerSecret = "wrong" }).Header("GET", url));

        using var response = await store.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await Message(response), Is.EqualTo("The signature is invalid. Verify and try again."));
    }

    [Test]
    public async Task OAuthSignature_ForAnotherPath_IsRefused()
    {
        var signedFor = new Uri(store.Api(), "V1/inventory/sources");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(store.Api(), "V1/products?" + Search("sku", "X", "eq")));
        request.Headers.TryAddWithoutValidation("Authorization", Signer().Header("GET", signedFor));

        using var response = await store.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task OAuthNonce_UsedTwice_IsRefusedTheSecondTime()
    {
        var url = new Uri(store.Api(), "V1/inventory/sources");
        var header = Signer().Header("GET", url, nonce: "same-nonce");

        using var first = new HttpRequestMessage(HttpMethod.Get, url);
        first.Headers.TryAddWithoutValidation("Authorization", header);
        using var second = new HttpRequestMessage(HttpMethod.Get, url);
        second.Headers.TryAddWithoutValidation("Authorization", header);
        using var firstResponse = await store.Http.SendAsync(first);
        using var secondResponse = await store.Http.SendAsync(second);

        Assert.That(firstResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(secondResponse.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await Message(secondResponse), Does.StartWith("The nonce is already being used"));
    }

    [Test]
    public async Task OAuthTimestamp_AnHourOld_IsRefused()
    {
        var url = new Uri(store.Api(), "V1/inventory/sources");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", Signer().Header("GET", url, timestamp: TimeProvider.System.GetUtcNow().AddHours(-1).ToUnixTimeSeconds()));

        using var response = await store.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await Message(response), Does.Contain("timestamp"));
    }

    [Test]
    public async Task ProductSave_SameSkuTwice_CreatesThenUpdatesTheSameProduct()
    {
        var token = store.Sandbox.IssueAdminToken();
        const string create = """{"product":{"sku":"NEW-1","name":"First","attribute_set_id":4,"price":5,"type_id":"simple"}}""";
        const string update = """{"product":{"sku":"NEW-1","name":"Second","price":7.5},"saveOptions":true}""";

        using var created = await store.Http.SendAsync(Bearer(HttpMethod.Post, new Uri(store.Api(), "V1/products"), token, create));
        using var updated = await store.Http.SendAsync(Bearer(HttpMethod.Post, new Uri(store.Api("all"), "V1/products"), token, update));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var product = store.Sandbox.State().Products.Single();
        Assert.That((product.Sku, product.Name, product.Price, product.TypeId), Is.EqualTo(("NEW-1", "Second", 7.5m, "simple")));
        Assert.That(MagentoContract.ValidateResponse("POST", "V1/products", 200, await updated.Content.ReadAsStringAsync()), Is.Empty);
    }

    [Test]
    public async Task ProductSave_NewSimpleProductWithoutPrice_Is400AndAnExistingOneKeepsItsPrice()
    {
        var token = store.Sandbox.IssueAdminToken();
        const string withoutPrice = """{"product":{"sku":"NEW-2","name":"No price","attribute_set_id":4,"type_id":"simple","status":2}}""";
        const string withPrice = """{"product":{"sku":"NEW-2","name":"Priced","attribute_set_id":4,"price":9.5,"type_id":"simple"}}""";
        const string renamed = """{"product":{"sku":"NEW-2","name":"Renamed","status":1}}""";

        using var refused = await store.Http.SendAsync(Bearer(HttpMethod.Post, new Uri(store.Api("all"), "V1/products"), token, withoutPrice));
        var refusal = await refused.Content.ReadAsStringAsync();
        using var created = await store.Http.SendAsync(Bearer(HttpMethod.Post, new Uri(store.Api("all"), "V1/products"), token, withPrice));
        using var updated = await store.Http.SendAsync(Bearer(HttpMethod.Post, new Uri(store.Api("all"), "V1/products"), token, renamed));

        Assert.That((refused.StatusCode, created.StatusCode, updated.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(refusal, Does.Contain("must be set").And.Contain("\"price\""));
        var product = store.Sandbox.State().Products.Single();
        Assert.That((product.Name, product.Price, product.Status), Is.EqualTo(("Renamed", (decimal?)9.5m, 1)));
    }

    [Test]
    public async Task ProductPut_SignedForASkuWithASpace_CreatesThenUpdatesByThePathSku()
    {
        var url = new Uri(store.Api("all"), "V1/products/" + Uri.EscapeDataString("LAMP 1"));
        foreach (var (name, price) in new[] { ("Lamp", "10"), ("Lamp, brass", "12.5") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, url)
            {
                Content = new StringContent($$$"""{"product":{"sku":"LAMP 1","name":"{{{name}}}","price":{{{price}}},"attribute_set_id":4,"type_id":"simple"}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", Signer().Header("PUT", url, "HMAC-SHA256"));
            using var response = await store.Http.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }

        var product = store.Sandbox.State().Products.Single();
        Assert.That((product.Sku, product.Name, product.Price), Is.EqualTo(("LAMP 1", "Lamp, brass", 12.5m)));
        Assert.That(store.Sandbox.Requests.Select(r => r.Store), Is.EqualTo(new[] { "all", "all" }));
        Assert.That(MagentoContract.Validate("PUT", "V1/products/LAMP%201", store.Sandbox.Requests[0].Body), Is.Empty);
    }

    [Test]
    public async Task SourceItems_WithAnUnknownSku_Are400WithMagentosMessageAndNothingIsSaved()
    {
        store.Sandbox.Seed(["SKU-1"]);
        const string body = """{"sourceItems":[{"sku":"SKU-1","source_code":"WH1","quantity":5,"status":1},{"sku":"NOPE","source_code":"WH1","quantity":1,"status":1}]}""";

        using var response = await store.Http.SendAsync(Bearer(HttpMethod.Post, new Uri(store.Api(), "V1/inventory/source-items"), store.Sandbox.IssueAdminToken(), body));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(json.RootElement.GetProperty("message").GetString(), Is.EqualTo("Following products with requested skus were not found: %1"));
        Assert.That(json.RootElement.GetProperty("parameters")[0].GetString(), Is.EqualTo("NOPE"));
        Assert.That(store.Sandbox.State().SourceItems, Is.Empty);
    }

    [Test]
    public async Task SourceItems_ForAnUnknownSource_Are400AndNothingIsSaved()
    {
        store.Sandbox.Seed(["SKU-1"]);
        const string body = """{"sourceItems":[{"sku":"SKU-1","source_code":"WH1","quantity":5,"status":1},{"sku":"SKU-1","source_code":"MARS","quantity":1,"status":1}]}""";

        using var response = await store.Http.SendAsync(Bearer(HttpMethod.Post, new Uri(store.Api(), "V1/inventory/source-items"), store.Sandbox.IssueAdminToken(), body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Message(response), Is.EqualTo("Could not save Source Item"));
        Assert.That(store.Sandbox.State().SourceItems, Is.Empty);
    }

    [Test]
    public async Task SourceItems_ForKnownSkuAndSource_SetTheQuantity()
    {
        store.Sandbox.Seed(["SKU-1"]);
        const string body = """{"sourceItems":[{"sku":"SKU-1","source_code":"WH2","quantity":12,"status":1}]}""";

        using var response = await store.Http.SendAsync(Bearer(HttpMethod.Post, new Uri(store.Api(), "V1/inventory/source-items"), store.Sandbox.IssueAdminToken(), body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(store.Sandbox.State().SourceItem("SKU-1", "WH2"), Is.EqualTo(new MagentoSourceItem("SKU-1", "WH2", 12, 1)));
    }

    [Test]
    public async Task UnknownRouteAndUnknownStore_GetMagentosAnswers()
    {
        var token = store.Sandbox.IssueAdminToken();

        using var route = await store.Http.SendAsync(Bearer(HttpMethod.Get, new Uri(store.Api(), "V1/nothing-here"), token));
        using var storeCode = await store.Http.SendAsync(Bearer(HttpMethod.Get, new Uri(store.Api("fr"), "V1/inventory/sources"), token));

        Assert.That(route.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Message(route), Is.EqualTo("Request does not match any route."));
        Assert.That(storeCode.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task FailNext_429_AnswersWithRetryAfterThenRecovers()
    {
        store.Sandbox.FailNext(1, 429, TimeSpan.FromSeconds(7));
        var token = store.Sandbox.IssueAdminToken();

        using var failed = await store.Http.SendAsync(Bearer(HttpMethod.Get, new Uri(store.Api(), "V1/inventory/sources"), token));
        using var recovered = await store.Http.SendAsync(Bearer(HttpMethod.Get, new Uri(store.Api(), "V1/inventory/sources"), token));

        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(failed.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(recovered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(MagentoContract.ValidateResponse("GET", "V1/inventory/sources", 200, await recovered.Content.ReadAsStringAsync()), Is.Empty);
    }

    [Test]
    public async Task AdminEndpoints_SeedFaultsAndState_WorkOverHttp()
    {
        using var seed = await store.Http.PostAsync(new Uri(store.Sandbox.BaseAddress, "_sandbox/seed"),
            new StringContent("""{"skus":["S-1","S-2"],"sources":["WH9"]}""", Encoding.UTF8, "application/json"));
        using var faults = await store.Http.PostAsync(new Uri(store.Sandbox.BaseAddress, "_sandbox/faults"),
            new StringContent("""{"fail_next":1,"fail_status":503}""", Encoding.UTF8, "application/json"));
        using var failed = await store.Http.SendAsync(Bearer(HttpMethod.Get, new Uri(store.Api(), "V1/inventory/sources"), store.Sandbox.IssueAdminToken()));
        var state = await store.Http.GetStringAsync(new Uri(store.Sandbox.BaseAddress, "_sandbox/state"));

        Assert.That(seed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(faults.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        using var json = JsonDocument.Parse(state);
        Assert.That(json.RootElement.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("sku").GetString()), Is.EqualTo(new[] { "S-1", "S-2" }));
        Assert.That(json.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("source_code").GetString()), Does.Contain("WH9"));
        Assert.That(json.RootElement.GetProperty("request_count").GetInt32(), Is.EqualTo(1));
    }

    private TestOAuthSigner Signer() => new(
        store.Sandbox.Options.ConsumerKey, store.Sandbox.Options.ConsumerSecret,
        store.Sandbox.Options.IntegrationAccessToken, store.Sandbox.Options.IntegrationAccessTokenSecret);

    private static string Search(string field, string value, string condition) =>
        $"searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D={Uri.EscapeDataString(field)}"
        + $"&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D={Uri.EscapeDataString(value)}"
        + $"&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bcondition_type%5D={condition}";

    private static HttpRequestMessage Bearer(HttpMethod method, Uri url, string token, string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static async Task<string?> Message(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("message").GetString();
    }

    private static RequestPlan Plan(params (string Sku, string Price, int Store)[] prices)
    {
        XNamespace plan = RequestPlan.Namespace;
        XNamespace fn = "http://www.w3.org/2005/xpath-functions";
        var entries = prices.Select(p => new XElement(
            fn + "map",
            new XElement(fn + "number", new XAttribute("key", "price"), p.Price),
            new XElement(fn + "number", new XAttribute("key", "store_id"), p.Store),
            new XElement(fn + "string", new XAttribute("key", "sku"), p.Sku)));
        var body = new XElement(plan + "body", new XElement(fn + "map", new XElement(fn + "array", new XAttribute("key", "prices"), entries)));
        var call = new XElement(plan + "call", new XAttribute("id", "prices-1"), new XAttribute("method", "POST"), new XAttribute("path", "V1/products/base-prices"), body);
        return RequestPlan.Parse(new XDocument(new XElement(plan + "plan", call)));
    }

}
