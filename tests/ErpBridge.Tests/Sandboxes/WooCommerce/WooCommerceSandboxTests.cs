using System.Text.Json;
using ErpBridge.Tests.Connectors.WooCommerce;
using Signing = ErpBridge.Tests.Connectors.WooCommerce.WooCommerceTestStore.Signing;

namespace ErpBridge.Tests.Sandboxes.WooCommerce;

/// <summary>The sandbox over real HTTP, as a client that reads only WooCommerce's docs would see it.</summary>
[TestFixture]
public sealed class WooCommerceSandboxTests
{
    private WooCommerceTestStore store = null!;

    [SetUp]
    public async Task Start() => store = await WooCommerceTestStore.StartAsync();

    [TearDown]
    public async Task Stop() => await store.DisposeAsync();

    [Test]
    public void TestSigner_MatchesAnIndependentlyComputedSignature()
    {
        // Computed apart from this code base (RFC 5849 base string, HMAC-SHA256 keyed "cs_test&"): the comma of the SKU
        // list is encoded twice, once as a value and once as part of the normalized parameter string.
        var signature = OAuthTestSigner.Signature("GET", "http://127.0.0.1:8080/wp-json/wc/v3/products",
            [("sku", "A,B"), ("per_page", "100"), ("oauth_consumer_key", "ck_test"), ("oauth_nonce", "abc123"),
             ("oauth_signature_method", "HMAC-SHA256"), ("oauth_timestamp", "1764000000")], "cs_test");

        Assert.That(signature, Is.EqualTo("32qvxnE1RomHgrKS3oKUUsuH2TPJeOGhWQqGET/95Pc="));
    }

    [Test]
    public async Task SignedRequest_IsAnswered()
    {
        var response = await store.SendAsync(HttpMethod.Get, "products");

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
        Assert.That(response.Json.ValueKind, Is.EqualTo(JsonValueKind.Array));
    }

    [Test]
    public async Task Unsigned_IsRefusedAsWooCommerceDoes()
    {
        using var response = await store.Http.GetAsync(new Uri(store.ApiRoot, "products"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        Assert.That(json.RootElement.GetProperty("code").GetString(), Is.EqualTo("woocommerce_rest_cannot_view"));
        Assert.That(json.RootElement.GetProperty("data").GetProperty("status").GetInt32(), Is.EqualTo(401));
    }

    [Test]
    public async Task WrongSignature_Is401AuthenticationError()
    {
        var response = await store.SendAsync(HttpMethod.Get, "products", sign: new Signing(Tamper: s => (s[0] == 'x' ? "y" : "x") + s[1..]));

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.Code, Is.EqualTo("woocommerce_rest_authentication_error"));
        Assert.That(response.Json.GetProperty("message").GetString(), Does.Contain("signature"));
    }

    [Test]
    public async Task WrongSecret_Is401()
    {
        var response = await store.SendAsync(HttpMethod.Get, "products", sign: new Signing(Secret: "cs_wrong"));

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.Json.GetProperty("message").GetString(), Does.Contain("signature"));
    }

    [Test]
    public async Task UnknownConsumerKey_Is401()
    {
        var response = await store.SendAsync(HttpMethod.Get, "products", sign: new Signing(Key: "ck_other"));

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.Json.GetProperty("message").GetString(), Is.EqualTo("Consumer key is invalid."));
    }

    [Test]
    public async Task StaleTimestamp_OutsideFifteenMinutes_Is401()
    {
        var stale = TimeProvider.System.GetUtcNow().AddMinutes(-16).ToUnixTimeSeconds();
        var recent = TimeProvider.System.GetUtcNow().AddMinutes(-14).ToUnixTimeSeconds();

        var refused = await store.SendAsync(HttpMethod.Get, "products", sign: new Signing(Timestamp: stale));
        var accepted = await store.SendAsync(HttpMethod.Get, "products", sign: new Signing(Timestamp: recent));

        Assert.That(refused.Status, Is.EqualTo(401));
        Assert.That(refused.Json.GetProperty("message").GetString(), Is.EqualTo("Invalid timestamp."));
        Assert.That(accepted.Status, Is.EqualTo(200), accepted.Body);
    }

    [Test]
    public async Task ReplayedNonce_IsRefusedTheSecondTime()
    {
        var signing = new Signing(Timestamp: TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(), Nonce: "once-only");

        var first = await store.SendAsync(HttpMethod.Get, "products", sign: signing);
        var replay = await store.SendAsync(HttpMethod.Get, "products", sign: signing);

        Assert.That(first.Status, Is.EqualTo(200), first.Body);
        Assert.That(replay.Status, Is.EqualTo(401));
        Assert.That(replay.Json.GetProperty("message").GetString(), Does.Contain("nonce has already been used"));
    }

    [Test]
    public async Task SkuFilter_TakesACommaList_AndReturnsVariationsWithTheirParent()
    {
        store.Sandbox.Seed(["S-1", "S-2"]);
        var (parent, variations) = store.Sandbox.SeedVariable("TEE", ["TEE-S", "TEE-M"]);

        var response = await store.SendAsync(HttpMethod.Get, "products", query: [("sku", "S-2,TEE-M,NOPE")]);

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
        var items = response.Json.EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("sku").GetString()), Is.EquivalentTo(new[] { "S-2", "TEE-M" }));
        var variation = items.Single(i => i.GetProperty("sku").GetString() == "TEE-M");
        Assert.That(variation.GetProperty("type").GetString(), Is.EqualTo("variation"));
        Assert.That(variation.GetProperty("parent_id").GetInt32(), Is.EqualTo(parent.Id));
        Assert.That(variation.GetProperty("id").GetInt32(), Is.EqualTo(variations[1].Id));
        Assert.That(response.Headers["X-WP-Total"], Is.EqualTo("2"));
        Assert.That(response.Headers["X-WP-TotalPages"], Is.EqualTo("1"));
    }

    [Test]
    public async Task List_IsPaged_WithTotalHeaders()
    {
        store.Sandbox.Seed(Enumerable.Range(1, 25).Select(i => $"P-{i}"));

        var page3 = await store.SendAsync(HttpMethod.Get, "products", query: [("per_page", "10"), ("page", "3")]);
        var tooMany = await store.SendAsync(HttpMethod.Get, "products", query: [("per_page", "101")]);

        Assert.That(page3.Json.GetArrayLength(), Is.EqualTo(5));
        Assert.That(page3.Headers["X-WP-Total"], Is.EqualTo("25"));
        Assert.That(page3.Headers["X-WP-TotalPages"], Is.EqualTo("3"));
        Assert.That(tooMany.Status, Is.EqualTo(400));
        Assert.That(tooMany.Code, Is.EqualTo("rest_invalid_param"));
    }

    [Test]
    public async Task Create_ThenSameSkuAgain_IsRefusedAsDuplicatedSku()
    {
        const string body = """{"name":"Shoe","type":"simple","regular_price":"9.99","sku":"SHOE-1","manage_stock":true,"stock_quantity":3}""";

        var created = await store.SendAsync(HttpMethod.Post, "products", body);
        var duplicate = await store.SendAsync(HttpMethod.Post, "products", body);

        Assert.That(created.Status, Is.EqualTo(201), created.Body);
        Assert.That(created.Json.GetProperty("stock_status").GetString(), Is.EqualTo("instock"));
        Assert.That(duplicate.Status, Is.EqualTo(400));
        Assert.That(duplicate.Code, Is.EqualTo("product_invalid_sku"));
        Assert.That(store.Sandbox.State().Products, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Create_WithoutRegularPrice_IsNotPurchasableAndAnUpdateWithoutOneKeepsThePrice()
    {
        var created = await store.SendAsync(HttpMethod.Post, "products", """{"name":"Stove","type":"simple","status":"draft","sku":"STOVE-1"}""");
        var id = created.Json.GetProperty("id").GetInt64();
        var priced = await store.SendAsync(HttpMethod.Put, $"products/{id}", """{"regular_price":"24.90"}""");
        var renamed = await store.SendAsync(HttpMethod.Put, $"products/{id}", """{"name":"Camping stove","status":"publish"}""");

        Assert.That(created.Status, Is.EqualTo(201), created.Body);
        Assert.That((created.Json.GetProperty("regular_price").GetString(), created.Json.GetProperty("purchasable").GetBoolean()), Is.EqualTo(("", false)));
        Assert.That(priced.Json.GetProperty("purchasable").GetBoolean(), Is.True, priced.Body);
        Assert.That((renamed.Json.GetProperty("name").GetString(), renamed.Json.GetProperty("regular_price").GetString()), Is.EqualTo(("Camping stove", "24.90")));
    }

    [Test]
    public async Task Put_SetsStock_AndATypeErrorNamesTheParameter()
    {
        var product = store.Sandbox.Seed(["S-1"])[0];

        var updated = await store.SendAsync(HttpMethod.Put, $"products/{product.Id}", """{"manage_stock":true,"stock_quantity":0}""");
        var wrongType = await store.SendAsync(HttpMethod.Put, $"products/{product.Id}", """{"stock_quantity":"5"}""");

        Assert.That(updated.Status, Is.EqualTo(200), updated.Body);
        Assert.That(updated.Json.GetProperty("stock_status").GetString(), Is.EqualTo("outofstock"));
        Assert.That(wrongType.Status, Is.EqualTo(400));
        Assert.That(wrongType.Code, Is.EqualTo("rest_invalid_param"));
        Assert.That(wrongType.Json.GetProperty("data").GetProperty("params").GetProperty("stock_quantity").GetString(), Does.Contain("integer"));
    }

    [Test]
    public async Task Variations_AreListedAndUpdatedUnderTheirParentOnly()
    {
        var (parent, variations) = store.Sandbox.SeedVariable("TEE", ["TEE-S", "TEE-M"]);
        var other = store.Sandbox.Seed(["OTHER"])[0];

        var list = await store.SendAsync(HttpMethod.Get, $"products/{parent.Id}/variations");
        var put = await store.SendAsync(HttpMethod.Put, $"products/{parent.Id}/variations/{variations[0].Id}", """{"stock_quantity":12}""");
        var wrongParent = await store.SendAsync(HttpMethod.Put, $"products/{other.Id}/variations/{variations[0].Id}", """{"stock_quantity":1}""");
        var asProduct = await store.SendAsync(HttpMethod.Put, $"products/{variations[0].Id}", """{"stock_quantity":1}""");

        Assert.That(list.Json.GetArrayLength(), Is.EqualTo(2));
        Assert.That(put.Status, Is.EqualTo(200), put.Body);
        Assert.That(store.Sandbox.State().StockOf("TEE-S"), Is.EqualTo(12));
        Assert.That(wrongParent.Code, Is.EqualTo("woocommerce_rest_product_variation_invalid_id"));
        Assert.That(asProduct.Code, Is.EqualTo("woocommerce_rest_product_invalid_id"));
    }

    [Test]
    public async Task Batch_UpdatesAndReportsRefusedItemsBesideTheOthers()
    {
        var product = store.Sandbox.Seed(["S-1"])[0];

        var response = await store.SendAsync(HttpMethod.Post, "products/batch",
            $$"""{"update":[{"id":{{product.Id}},"stock_quantity":9},{"id":999999,"stock_quantity":1}]}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
        var results = response.Json.GetProperty("update").EnumerateArray().ToList();
        Assert.That(results[0].GetProperty("stock_quantity").GetInt32(), Is.EqualTo(9));
        Assert.That(results[1].GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("woocommerce_rest_product_invalid_id"));
        Assert.That(store.Sandbox.State().StockOf("S-1"), Is.EqualTo(9));
    }

    [Test]
    public async Task Batch_OverOneHundredItemsCombined_Is413()
    {
        var (parent, variations) = store.Sandbox.SeedVariable("TEE", ["TEE-S"]);
        var updates = string.Join(",", Enumerable.Repeat($$"""{"id":{{variations[0].Id}},"stock_quantity":1}""", 100));

        var atLimit = await store.SendAsync(HttpMethod.Post, $"products/{parent.Id}/variations/batch", $$"""{"update":[{{updates}}]}""");
        var overLimit = await store.SendAsync(HttpMethod.Post, $"products/{parent.Id}/variations/batch", $$"""{"update":[{{updates}}],"delete":[1]}""");

        Assert.That(atLimit.Status, Is.EqualTo(200), atLimit.Body);
        Assert.That(overLimit.Status, Is.EqualTo(413));
        Assert.That(overLimit.Code, Is.EqualTo("woocommerce_rest_request_entity_too_large"));
    }

    [Test]
    public async Task FailNext_AnswersAsAHostOrWafWould_ThenRecovers()
    {
        store.Sandbox.FailNext(1, 429, TimeSpan.FromSeconds(7));

        var limited = await store.SendAsync(HttpMethod.Get, "products");
        var next = await store.SendAsync(HttpMethod.Get, "products");

        Assert.That(limited.Status, Is.EqualTo(429));
        Assert.That(limited.Headers["Retry-After"], Is.EqualTo("7"));
        Assert.That(next.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task AdminEndpoints_SeedFaultAndShowState()
    {
        using var seed = await store.Http.PostAsync(new Uri(store.Sandbox.BaseAddress, "_sandbox/seed"),
            new StringContent("""{"skus":["A-1"],"variable":[{"sku":"TEE","variations":["TEE-S"]}]}""", System.Text.Encoding.UTF8, "application/json"));
        using var fault = await store.Http.PostAsync(new Uri(store.Sandbox.BaseAddress, "_sandbox/faults"),
            new StringContent("""{"fail_next":1,"fail_status":503}""", System.Text.Encoding.UTF8, "application/json"));
        var failed = await store.SendAsync(HttpMethod.Get, "products");
        using var state = JsonDocument.Parse(await store.Http.GetStringAsync(new Uri(store.Sandbox.BaseAddress, "_sandbox/state")));

        Assert.That((int)seed.StatusCode, Is.EqualTo(200));
        Assert.That((int)fault.StatusCode, Is.EqualTo(204));
        Assert.That(failed.Status, Is.EqualTo(503));
        Assert.That(state.RootElement.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("sku").GetString()), Is.EquivalentTo(new[] { "A-1", "TEE" }));
        Assert.That(state.RootElement.GetProperty("variations")[0].GetProperty("sku").GetString(), Is.EqualTo("TEE-S"));
    }
}
