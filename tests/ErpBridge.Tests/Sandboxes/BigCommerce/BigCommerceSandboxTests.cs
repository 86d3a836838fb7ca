using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ErpBridge.Tests.Connectors.BigCommerce;

namespace ErpBridge.Tests.Sandboxes.BigCommerce;

/// <summary>The sandbox over real HTTP: auth, store hash, envelopes, errors, rate-limit headers, faults, admin endpoints.</summary>
[TestFixture]
public sealed class BigCommerceSandboxTests
{
    private BigCommerceTestStore store = null!;

    [SetUp]
    public async Task StartStore() => store = await BigCommerceTestStore.StartAsync();

    [TearDown]
    public async Task StopStore() => await store.DisposeAsync();

    [Test]
    public async Task BatchUpdate_ChangesThePricesSent_AndNothingElse()
    {
        var products = store.Sandbox.Seed(["P1", "P2"]);

        using var response = await store.Http.PutAsync(
            new Uri("v3/catalog/products", UriKind.Relative),
            BigCommerceTestStore.Json($$"""[{"id":{{products[0].Id}},"price":12.99},{"id":{{products[1].Id}},"price":3.5}]"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var state = store.Sandbox.State();
        Assert.That(state.ProductBySku("P1"), Is.EqualTo(products[0] with { Price = 12.99m, DateModified = state.ProductBySku("P1")!.DateModified }));
        Assert.That(state.ProductBySku("P2")!.Price, Is.EqualTo(3.5m));
    }

    [Test]
    public async Task BatchUpdate_MoreThanTenProducts_OrAnEntryWithoutId_IsRefused_AndNothingChanges()
    {
        var products = store.Sandbox.Seed(Enumerable.Range(1, 11).Select(i => $"B{i}").ToList());
        var eleven = string.Join(",", products.Select(p => $$"""{"id":{{p.Id}},"price":1}"""));

        using var tooMany = await store.Http.PutAsync(new Uri("v3/catalog/products", UriKind.Relative), BigCommerceTestStore.Json($"[{eleven}]"));
        using var noId = await store.Http.PutAsync(
            new Uri("v3/catalog/products", UriKind.Relative), BigCommerceTestStore.Json($$"""[{"id":{{products[0].Id}},"price":1},{"price":2}]"""));

        Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(noId.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(store.Sandbox.State().Products.Select(p => p.Price), Is.EqualTo(products.Select(p => p.Price)));
    }

    [Test]
    public async Task AnyCall_MissingToken_Returns401WithProblemBody()
    {
        using var anonymous = new HttpClient { BaseAddress = store.Http.BaseAddress };

        using var response = await anonymous.GetAsync(new Uri("v3/catalog/products", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var body = await Json(response);
        Assert.That(body.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(401));
        Assert.That(body.RootElement.GetProperty("title").GetString(), Does.Contain("Unauthorized"));
    }

    [Test]
    public async Task AnyCall_WrongToken_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v3/inventory/locations");
        request.Headers.Add("X-Auth-Token", "not-the-token");
        using var anonymous = new HttpClient { BaseAddress = store.Http.BaseAddress };

        using var response = await anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task AnyCall_UnknownStoreHash_Returns404()
    {
        using var response = await store.Http.GetAsync(new Uri(store.Sandbox.BaseAddress, "stores/other/v3/catalog/products"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("GET", "v3/catalog/brands")]
    [TestCase("DELETE", "v3/catalog/products")]
    [TestCase("GET", "v2/customers")]
    [TestCase("PUT", "v3/catalog/products/1/variants/2")]
    public async Task UnsupportedRoute_Returns404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await store.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task GetLocations_ReturnsConfiguredCodesWithIntegerIds()
    {
        using var response = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));
        using var body = await Json(response);

        var data = body.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.That(data.Select(l => l.GetProperty("code").GetString()), Is.EqualTo(new[] { "WH1", "WH2" }));
        Assert.That(data.Select(l => l.GetProperty("id").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(body.RootElement.GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task GetProducts_SkuInIncludeFieldsAndPaging_FilterAndShape()
    {
        store.Sandbox.Seed(["A", "B", "C", "D"]);

        using var page2 = await Json(await store.Http.GetAsync(new Uri("v3/catalog/products?sku:in=A,B,C&include_fields=sku&limit=2&page=2", UriKind.Relative)));
        using var bySku = await Json(await store.Http.GetAsync(new Uri("v3/catalog/products?sku=D", UriKind.Relative)));

        var only = page2.RootElement.GetProperty("data").EnumerateArray().Single();
        Assert.That(only.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "sku" }));
        Assert.That(only.GetProperty("sku").GetString(), Is.EqualTo("C"));
        var pagination = page2.RootElement.GetProperty("meta").GetProperty("pagination");
        Assert.That(pagination.GetProperty("total").GetInt32(), Is.EqualTo(3));
        Assert.That(pagination.GetProperty("total_pages").GetInt32(), Is.EqualTo(2));
        Assert.That(pagination.GetProperty("current_page").GetInt32(), Is.EqualTo(2));
        var d = bySku.RootElement.GetProperty("data").EnumerateArray().Single();
        Assert.That(d.GetProperty("id").GetInt32(), Is.EqualTo(store.Sandbox.State().ProductBySku("D")!.Id));

        var id = store.Sandbox.State().ProductBySku("B")!.Id;
        using var byId = await Json(await store.Http.GetAsync(new Uri($"v3/catalog/products?id:in={id}", UriKind.Relative)));
        Assert.That(byId.RootElement.GetProperty("data")[0].GetProperty("sku").GetString(), Is.EqualTo("B"));
    }

    [Test]
    public async Task GetProducts_LimitOver250_Returns413()
    {
        using var response = await store.Http.GetAsync(new Uri("v3/catalog/products?limit=251", UriKind.Relative));

        Assert.That((int)response.StatusCode, Is.EqualTo(413));
    }

    [Test]
    public async Task GetVariants_Sku_ReturnsVariantAndProductIds()
    {
        var seeded = store.Sandbox.Seed(["V1", "V2"]);

        using var body = await Json(await store.Http.GetAsync(new Uri("v3/catalog/variants?sku=V2", UriKind.Relative)));

        var variant = body.RootElement.GetProperty("data").EnumerateArray().Single();
        Assert.That(variant.GetProperty("sku").GetString(), Is.EqualTo("V2"));
        Assert.That(variant.GetProperty("id").GetInt32(), Is.EqualTo(seeded[1].BaseVariantId));
        Assert.That(variant.GetProperty("product_id").GetInt32(), Is.EqualTo(seeded[1].Id));
    }

    [Test]
    public async Task CreateProduct_Valid_Returns200WithDataAndStoresIt()
    {
        using var response = await store.Http.PostAsync(new Uri("v3/catalog/products", UriKind.Relative), BigCommerceTestStore.Json(
            """{"name":"Desk","type":"physical","sku":"DESK-1","price":199.5,"weight":12.25,"description":"<p>Oak</p>","is_visible":false,"upc":"012345678905","custom_fields":[{"name":"Material","value":"Oak"}]}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var body = await Json(response);
        var data = body.RootElement.GetProperty("data");
        var product = store.Sandbox.State().ProductBySku("DESK-1")!;
        Assert.That(data.GetProperty("id").GetInt32(), Is.EqualTo(product.Id));
        Assert.That(product.Price, Is.EqualTo(199.5m));
        Assert.That(product.Weight, Is.EqualTo(12.25m));
        Assert.That(product.IsVisible, Is.False);
        Assert.That(product.Upc, Is.EqualTo("012345678905"));
        Assert.That(product.CustomFields.Select(f => (f.Name, f.Value)), Is.EqualTo(new[] { ("Material", "Oak") }));
        Assert.That(store.Sandbox.State().Variants.Single().ProductId, Is.EqualTo(product.Id));
    }

    [Test]
    public async Task CreateProduct_DuplicateSku_Returns409()
    {
        store.Sandbox.Seed(["DUP"]);

        using var response = await store.Http.PostAsync(new Uri("v3/catalog/products", UriKind.Relative), BigCommerceTestStore.Json(
            """{"name":"Other name","type":"physical","sku":"DUP","price":1,"weight":1}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        using var body = await Json(response);
        Assert.That(body.RootElement.GetProperty("errors").TryGetProperty("sku", out _), Is.True);
        Assert.That(store.Sandbox.State().Products, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CreateProduct_MissingRequiredFields_Returns422WithFieldErrors()
    {
        using var response = await store.Http.PostAsync(new Uri("v3/catalog/products", UriKind.Relative), BigCommerceTestStore.Json(
            """{"name":"No price","sku":"NP","price":"12"}"""));

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        using var body = await Json(response);
        var root = body.RootElement;
        Assert.That(root.GetProperty("status").GetInt32(), Is.EqualTo(422));
        Assert.That(root.GetProperty("type").GetString(), Does.StartWith("https://developer.bigcommerce.com/"));
        Assert.That(root.GetProperty("title").GetString(), Is.Not.Empty);
        Assert.That(root.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "type", "weight", "price" }));
        Assert.That(store.Sandbox.State().Products, Is.Empty);
    }

    [Test]
    public async Task CreateProduct_AvailabilityDisabled_IsKeptUntilAnUpdateSendsAnother_AndAnUnknownValueIs422()
    {
        using var created = await store.Http.PostAsync(new Uri("v3/catalog/products", UriKind.Relative), BigCommerceTestStore.Json(
            """{"name":"Stove","type":"physical","sku":"STOVE-1","price":0,"weight":0,"is_visible":false,"availability":"disabled"}"""));
        var id = store.Sandbox.State().ProductBySku("STOVE-1")!.Id;
        using var renamed = await store.Http.PutAsync(new Uri($"v3/catalog/products/{id}", UriKind.Relative), BigCommerceTestStore.Json("""{"name":"Camping stove"}"""));
        var afterRename = store.Sandbox.State().ProductBySku("STOVE-1")!.Availability;
        using var wrong = await store.Http.PutAsync(new Uri($"v3/catalog/products/{id}", UriKind.Relative), BigCommerceTestStore.Json("""{"availability":"sold-out"}"""));
        using var listed = await Json(await store.Http.GetAsync(new Uri("v3/catalog/products?sku:in=STOVE-1&include_fields=sku,price,availability", UriKind.Relative)));

        Assert.That((created.StatusCode, renamed.StatusCode, (int)wrong.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK, 422)));
        Assert.That(afterRename, Is.EqualTo("disabled"));
        var product = listed.RootElement.GetProperty("data").EnumerateArray().Single();
        Assert.That((product.GetProperty("availability").GetString(), product.GetProperty("price").GetDecimal()), Is.EqualTo(("disabled", 0m)));
    }

    [Test]
    public async Task UpdateProduct_KnownId_ChangesSentFieldsOnly()
    {
        var product = store.Sandbox.Seed(["UP"]).Single();

        using var response = await store.Http.PutAsync(new Uri($"v3/catalog/products/{product.Id}", UriKind.Relative), BigCommerceTestStore.Json("""{"price":7.5}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var updated = store.Sandbox.State().ProductBySku("UP")!;
        Assert.That(updated.Price, Is.EqualTo(7.5m));
        Assert.That(updated.Name, Is.EqualTo(product.Name));
    }

    [Test]
    public async Task UpdateProduct_CustomFields_WithoutIdAreAdded_WithIdAreChanged()
    {
        using var created = await store.Http.PostAsync(new Uri("v3/catalog/products", UriKind.Relative), BigCommerceTestStore.Json(
            """{"name":"Lamp","type":"physical","sku":"LAMP","price":1,"weight":1,"custom_fields":[{"name":"Colour","value":"Red"}]}"""));
        var product = store.Sandbox.State().ProductBySku("LAMP")!;
        var fieldId = product.CustomFields.Single().Id;

        using var added = await store.Http.PutAsync(new Uri($"v3/catalog/products/{product.Id}", UriKind.Relative), BigCommerceTestStore.Json(
            """{"custom_fields":[{"name":"Colour","value":"Blue"}]}"""));
        using var changed = await store.Http.PutAsync(new Uri($"v3/catalog/products/{product.Id}", UriKind.Relative), BigCommerceTestStore.Json(
            $$"""{"custom_fields":[{"id":{{fieldId}},"name":"Colour","value":"Green"}]}"""));
        using var foreign = await store.Http.PutAsync(new Uri($"v3/catalog/products/{product.Id}", UriKind.Relative), BigCommerceTestStore.Json(
            """{"custom_fields":[{"id":99999,"name":"Colour","value":"Black"}]}"""));

        Assert.That((added.StatusCode, changed.StatusCode, (int)foreign.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK, 422)));
        Assert.That(store.Sandbox.State().ProductBySku("LAMP")!.CustomFields.Select(f => f.Value), Is.EqualTo(new[] { "Green", "Blue" }));
    }

    [Test]
    public async Task UpdateProduct_UnknownId_Returns404()
    {
        using var response = await store.Http.PutAsync(new Uri("v3/catalog/products/999999", UriKind.Relative), BigCommerceTestStore.Json("""{"price":1}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AbsoluteAdjustment_BySkuVariantAndProduct_SetsStockPerLocation()
    {
        var seeded = store.Sandbox.Seed(["S1", "S2", "S3"]);
        var body = $$"""{"reason":"count","items":[{"location_id":1,"sku":"S1","quantity":5},{"location_id":2,"variant_id":{{seeded[1].BaseVariantId}},"quantity":7},{"location_id":1,"product_id":{{seeded[2].Id}},"quantity":9}]}""";

        using var response = await store.Http.PutAsync(new Uri("v3/inventory/adjustments/absolute", UriKind.Relative), BigCommerceTestStore.Json(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = await Json(response);
        Assert.That(json.RootElement.GetProperty("transaction_id").GetString(), Is.Not.Empty);
        var state = store.Sandbox.State();
        Assert.That(state.StockOf("S1", "WH1"), Is.EqualTo(5));
        Assert.That(state.StockOf("S2", "WH2"), Is.EqualTo(7));
        Assert.That(state.StockOf("S3", "WH1"), Is.EqualTo(9));
        Assert.That(state.StockOf("S1", "WH2"), Is.Null);
    }

    [TestCase("""{"items":[{"location_id":1,"sku":"OK","quantity":1},{"location_id":1,"sku":"UNKNOWN","quantity":2}]}""", "UNKNOWN")]
    [TestCase("""{"items":[{"location_id":1,"sku":"OK","quantity":1},{"location_id":42,"sku":"OK","quantity":2}]}""", "42")]
    [TestCase("""{"items":[{"location_id":1,"sku":"OK"}]}""", "quantity")]
    [TestCase("""{"items":[{"location_id":1,"sku":"OK","variant_id":5,"quantity":1}]}""", "exactly one")]
    public async Task AbsoluteAdjustment_InvalidItem_Returns422ProblemAndChangesNothing(string body, string expected)
    {
        store.Sandbox.Seed(["OK"]);

        using var response = await store.Http.PutAsync(new Uri("v3/inventory/adjustments/absolute", UriKind.Relative), BigCommerceTestStore.Json(body));

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain(expected));
        Assert.That(store.Sandbox.State().Inventory, Is.Empty);
    }

    [Test]
    public async Task AbsoluteAdjustment_MoreThan2000Items_Returns422()
    {
        store.Sandbox.Seed(["MANY"]);
        var items = string.Join(",", Enumerable.Repeat("""{"location_id":1,"sku":"MANY","quantity":1}""", 2001));

        using var response = await store.Http.PutAsync(new Uri("v3/inventory/adjustments/absolute", UriKind.Relative), BigCommerceTestStore.Json($$"""{"items":[{{items}}]}"""));

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("2000"));
    }

    [Test]
    public async Task RateLimit_HeadersOnEveryResponse_429WhenUsedUp_FreshAfterWindow()
    {
        store.Sandbox.RateLimit(enabled: true, quota: 3, window: TimeSpan.FromMilliseconds(600));
        var lefts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Header(ok, "X-Rate-Limit-Requests-Quota"), Is.EqualTo(3));
            Assert.That(Header(ok, "X-Rate-Limit-Time-Window-Ms"), Is.EqualTo(600));
            Assert.That(Header(ok, "X-Rate-Limit-Time-Reset-Ms"), Is.InRange(0, 600));
            lefts.Add(Header(ok, "X-Rate-Limit-Requests-Left"));
        }

        using var refused = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));
        var reset = Header(refused, "X-Rate-Limit-Time-Reset-Ms");

        Assert.That(lefts, Is.EqualTo(new[] { 2, 1, 0 }));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Header(refused, "X-Rate-Limit-Requests-Left"), Is.Zero);
        await Task.Delay(reset + 20);
        using var again = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(again, "X-Rate-Limit-Requests-Left"), Is.EqualTo(2));
    }

    [Test]
    public async Task RateLimitOff_HeadersStillSent_WithAQuotaNoClientUsesUp()
    {
        using var response = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));

        Assert.That(Header(response, "X-Rate-Limit-Requests-Left"), Is.EqualTo(int.MaxValue));
        Assert.That(Header(response, "X-Rate-Limit-Requests-Quota"), Is.EqualTo(int.MaxValue));
        Assert.That(response.Headers.Contains("X-Rate-Limit-Time-Reset-Ms"), Is.True);
    }

    [Test]
    public async Task FailNext_FailsThatManyRequestsThenRecovers()
    {
        store.Sandbox.FailNext(2, 503);

        using var first = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));
        using var second = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));
        using var third = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));

        Assert.That(new[] { first.StatusCode, second.StatusCode, third.StatusCode },
            Is.EqualTo(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }));
    }

    [Test]
    public async Task Delay_HoldsEachResponse()
    {
        store.Sandbox.Delay(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        using var response = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));

        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)));
        store.Sandbox.Delay(TimeSpan.Zero);
    }

    [Test]
    public async Task WriteRequests_LogsMethodPathBodyAndStatus()
    {
        store.Sandbox.Seed(["LOG"]);

        using var _ = await store.Http.PutAsync(new Uri("v3/inventory/adjustments/absolute", UriKind.Relative),
            BigCommerceTestStore.Json("""{"items":[{"location_id":1,"sku":"LOG","quantity":3}]}"""));

        var write = store.Sandbox.WriteRequests.Single();
        Assert.That((write.Method, write.Path, write.Status), Is.EqualTo(("PUT", "v3/inventory/adjustments/absolute", 200)));
        Assert.That(write.Body, Does.Contain("\"LOG\""));
    }

    [Test]
    public async Task AdminEndpoints_SeedFaultsAndState_OverHttp()
    {
        using var admin = new HttpClient { BaseAddress = store.Sandbox.BaseAddress };

        using var seed = await admin.PostAsync(new Uri("_sandbox/seed", UriKind.Relative), BigCommerceTestStore.Json("""{"skus":["H1","H2"]}"""));
        using var faults = await admin.PostAsync(new Uri("_sandbox/faults", UriKind.Relative), BigCommerceTestStore.Json(
            """{"fail_next":1,"fail_status":502,"rate_limit_enabled":true,"rate_limit_quota":40,"rate_limit_window_ms":2000}"""));
        using var failed = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));
        using var state = await Json(await admin.GetAsync(new Uri("_sandbox/state", UriKind.Relative)));

        Assert.That(seed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(faults.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(Header(failed, "X-Rate-Limit-Requests-Quota"), Is.EqualTo(40));
        var root = state.RootElement;
        Assert.That(root.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("sku").GetString()), Is.EqualTo(new[] { "H1", "H2" }));
        Assert.That(root.GetProperty("locations").GetArrayLength(), Is.EqualTo(2));
        Assert.That(root.GetProperty("rate_limit").GetProperty("quota").GetInt32(), Is.EqualTo(40));
    }

    private static int Header(HttpResponseMessage response, string name) => int.Parse(response.Headers.GetValues(name).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonDocument> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync());
}
