using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ErpBridge.Sandboxes.Shopify;
using ErpBridge.Tests.Connectors.Shopify;

namespace ErpBridge.Tests.Sandboxes.Shopify;

/// <summary>The Shopify sandbox over real HTTP: auth, versions, look-ups, mutations, idempotency, userErrors, errors, throttling, faults.</summary>
public sealed class ShopifySandboxTests
{
    private const string Token = "shpat_test_token";

    private const string Update =
        "mutation SetPrice($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $productId, variants: $variants) { productVariants { id sku price } userErrors { field message code } } }";

    private const string SetStock =
        "mutation SetStock($input: InventorySetQuantitiesInput!, $key: String!) { inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { id changes { name delta quantityAfterChange } } userErrors { field message code } } }";

    private ShopifySandbox sandbox = null!;
    private ShopifyGraphQLHttp client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, Skus = ["SKU-1", "SKU-2", "SKU 3\"x"] }, CancellationToken.None);
        client = new ShopifyGraphQLHttp(sandbox.BaseAddress, Token);
    }

    [TearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await sandbox.DisposeAsync();
    }

    [Test]
    public async Task BulkUpdate_ChangesThePriceOnly()
    {
        var before = sandbox.State.ProductBySku("SKU-1")!;
        var variant = before.Variants.Single();

        var data = await client.DataAsync(Update, new { productId = before.Id, variants = new[] { new { id = variant.Id, price = "12.99" } } });

        Assert.That(data.GetProperty("productVariantsBulkUpdate").GetProperty("userErrors").GetArrayLength(), Is.Zero);
        Assert.That(data.GetProperty("productVariantsBulkUpdate").GetProperty("productVariants")[0].GetProperty("price").GetString(), Is.EqualTo("12.99"));
        var after = sandbox.State.ProductBySku("SKU-1")!;
        Assert.That(after.Variants.Single(), Is.EqualTo(variant with { Price = "12.99" }));
        Assert.That(after with { Variants = [] }, Is.EqualTo(before with { Variants = [] }));
    }

    [Test]
    public async Task BulkUpdate_AVariantOfAnotherProductOrANegativePrice_IsAUserError_AndNothingChanges()
    {
        var one = sandbox.State.ProductBySku("SKU-1")!;
        var other = sandbox.State.ProductBySku("SKU-2")!.Variants.Single();

        var data = await client.DataAsync(Update, new
        {
            productId = one.Id,
            variants = new[] { new { id = one.Variants.Single().Id, price = "5.00" }, new { id = other.Id, price = "6.00" }, new { id = one.Variants.Single().Id, price = "-1" } },
        });

        var errors = data.GetProperty("productVariantsBulkUpdate").GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.That(errors, Is.EqualTo(new[] { "MUST_BE_FOR_THIS_PRODUCT", "GREATER_THAN_OR_EQUAL_TO" }));
        Assert.That(sandbox.State.ProductBySku("SKU-1")!.Variants.Single().Price, Is.EqualTo(one.Variants.Single().Price), "without allowPartialUpdates nothing changes");
        Assert.That(sandbox.State.VariantBySku("SKU-2")!.Price, Is.EqualTo(other.Price));
    }

    [Test]
    public async Task ProductUpdate_ChangesTheStatusOnly_AndAnUnknownProductIsAUserError()
    {
        const string publish = "mutation Publish($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id status } userErrors { field message } } }";
        var before = sandbox.State.ProductBySku("SKU-1")!;

        var data = await client.DataAsync(publish, new { product = new { id = before.Id, status = "DRAFT" } });
        var unknown = await client.DataAsync(publish, new { product = new { id = "gid://shopify/Product/999999", status = "ACTIVE" } });

        Assert.That(data.GetProperty("productUpdate").GetProperty("product").GetProperty("status").GetString(), Is.EqualTo("DRAFT"));
        var after = sandbox.State.ProductBySku("SKU-1")!;
        Assert.That((after.Status, after.Title, after.DescriptionHtml), Is.EqualTo(("DRAFT", before.Title, before.DescriptionHtml)));
        Assert.That(after.Variants, Is.EqualTo(before.Variants), "variants, prices and stock stay");
        Assert.That(unknown.GetProperty("productUpdate").GetProperty("userErrors")[0].GetProperty("message").GetString(), Is.EqualTo("Product does not exist"));
    }

    [Test]
    public async Task Post_WrongOrMissingToken_Returns401WithShopifyBody()
    {
        var (wrong, body) = await client.PostAsync("{ locations(first: 1) { nodes { id } } }", tokenOverride: "nope");
        var (missing, _) = await client.PostAsync("{ locations(first: 1) { nodes { id } } }", tokenOverride: "");

        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(missing, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(body.GetProperty("errors").GetString(), Does.StartWith("[API] Invalid API key or access token"));
        });
    }

    [Test]
    public async Task Post_UnknownVersion_Returns404()
    {
        var (status, _) = await client.PostAsync("{ locations(first: 1) { nodes { id } } }", versionOverride: "2019-01");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ProductVariants_SkuQuery_ReturnsMatchesWithOnlySelectedFields()
    {
        var data = await client.DataAsync(
            "query($q: String!) { productVariants(first: 10, query: $q) { nodes { sku inventoryItem { id } } pageInfo { hasNextPage } } }",
            new { q = "sku:\"SKU-1\" OR sku:\"SKU 3\\\"x\"" });

        var nodes = data.GetProperty("productVariants").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(nodes.Select(n => n.GetProperty("sku").GetString()), Is.EquivalentTo(new[] { "SKU-1", "SKU 3\"x" }));
            Assert.That(nodes[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "sku", "inventoryItem" }));
            Assert.That(nodes[0].GetProperty("inventoryItem").GetProperty("id").GetString(), Does.StartWith("gid://shopify/InventoryItem/"));
            Assert.That(data.GetProperty("productVariants").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task ProductVariants_Paging_FollowsEndCursorWithAliasesAndEdges()
    {
        var first = await client.DataAsync("{ page: productVariants(first: 2) { edges { cursor node { sku } } pageInfo { hasNextPage endCursor } } }");
        var cursor = first.GetProperty("page").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = await client.DataAsync("query($after: String) { productVariants(first: 2, after: $after) { nodes { sku } pageInfo { hasNextPage } } }", new { after = cursor });

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("page").GetProperty("edges").GetArrayLength(), Is.EqualTo(2));
            Assert.That(first.GetProperty("page").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(), Is.True);
            Assert.That(second.GetProperty("productVariants").GetProperty("nodes")[0].GetProperty("sku").GetString(), Is.EqualTo("SKU 3\"x"));
            Assert.That(second.GetProperty("productVariants").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task Locations_ReturnsConfiguredLocationsByName()
    {
        var data = await client.DataAsync("{ locations(first: 250) { nodes { id name isActive } } }");

        Assert.That(data.GetProperty("locations").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()), Is.EqualTo(new[] { "WH1", "WH2" }));
    }

    [Test]
    public async Task InventorySetQuantities_Valid_SetsAvailableAndLogs()
    {
        var payload = await SetAsync("k-1", ("SKU-1", "WH1", 42, null), ("SKU-2", "WH2", 7, null));

        Assert.Multiple(() =>
        {
            Assert.That(payload.GetProperty("userErrors").GetArrayLength(), Is.Zero);
            Assert.That(payload.GetProperty("inventoryAdjustmentGroup").GetProperty("changes")[0].GetProperty("delta").GetInt32(), Is.EqualTo(42));
            Assert.That(sandbox.State.Available("SKU-1", "WH1"), Is.EqualTo(42));
            Assert.That(sandbox.State.Available("SKU-2", "WH2"), Is.EqualTo(7));
            Assert.That(sandbox.State.Mutations.Single().Result, Is.EqualTo("applied"));
            Assert.That(sandbox.State.Mutations.Single().IdempotencyKey, Is.EqualTo("k-1"));
        });
    }

    [Test]
    public async Task InventorySetQuantities_SameKeySameInput_ReplaysWithoutSecondEffect()
    {
        var first = await SetAsync("k-1", ("SKU-1", "WH1", 5, null));
        await SetAsync("k-2", ("SKU-1", "WH1", 9, null));
        var replay = await SetAsync("k-1", ("SKU-1", "WH1", 5, null));

        Assert.Multiple(() =>
        {
            Assert.That(replay.GetProperty("inventoryAdjustmentGroup").GetProperty("id").GetString(), Is.EqualTo(first.GetProperty("inventoryAdjustmentGroup").GetProperty("id").GetString()));
            Assert.That(sandbox.State.Available("SKU-1", "WH1"), Is.EqualTo(9), "the replay must not set 5 again");
            Assert.That(sandbox.State.Mutations.Select(m => m.Result), Is.EqualTo(new[] { "applied", "applied", "replayed" }));
        });
    }

    [Test]
    public async Task InventorySetQuantities_SameKeyDifferentInput_IsUserError()
    {
        await SetAsync("k-1", ("SKU-1", "WH1", 5, null));
        var second = await SetAsync("k-1", ("SKU-1", "WH1", 6, null));

        Assert.Multiple(() =>
        {
            Assert.That(second.GetProperty("userErrors")[0].GetProperty("code").GetString(), Is.EqualTo("IDEMPOTENCY_KEY_PARAMETER_MISMATCH"));
            Assert.That(sandbox.State.Available("SKU-1", "WH1"), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task InventorySetQuantities_InvalidLines_UserErrorsWithSdlCodesAndNoChange()
    {
        var variables = new
        {
            key = "k-bad",
            input = new
            {
                name = "available",
                reason = "correction",
                quantities = new object[]
                {
                    new { inventoryItemId = "gid://shopify/InventoryItem/1", locationId = LocationId("WH1"), quantity = 1, changeFromQuantity = (int?)null },
                    new { inventoryItemId = ItemId("SKU-1"), locationId = "gid://shopify/Location/1", quantity = 1, changeFromQuantity = (int?)null },
                    new { inventoryItemId = ItemId("SKU-2"), locationId = LocationId("WH1"), quantity = -3, changeFromQuantity = (int?)null },
                    new { inventoryItemId = ItemId("SKU-1"), locationId = LocationId("WH2"), quantity = 4, changeFromQuantity = (int?)99 },
                },
            },
        };
        var payload = (await client.DataAsync(SetStock, variables)).GetProperty("inventorySetQuantities");

        Assert.Multiple(() =>
        {
            Assert.That(payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()),
                Is.EqualTo(new[] { "INVALID_INVENTORY_ITEM", "INVALID_LOCATION", "INVALID_QUANTITY_NEGATIVE", "CHANGE_FROM_QUANTITY_STALE" }));
            Assert.That(payload.GetProperty("userErrors")[2].GetProperty("field").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "input", "quantities", "2", "quantity" }));
            Assert.That(payload.GetProperty("inventoryAdjustmentGroup").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(sandbox.State.Available("SKU-1", "WH2"), Is.Zero);
        });
    }

    [Test]
    public async Task InventorySetQuantities_MatchingChangeFromQuantity_Applies()
    {
        await SetAsync("k-1", ("SKU-1", "WH1", 5, null));
        var payload = await SetAsync("k-2", ("SKU-1", "WH1", 8, 5));

        Assert.Multiple(() =>
        {
            Assert.That(payload.GetProperty("userErrors").GetArrayLength(), Is.Zero);
            Assert.That(sandbox.State.Available("SKU-1", "WH1"), Is.EqualTo(8));
        });
    }

    [Test]
    public async Task ProductSet_CreateThenUpdateById_KeepsVariantAndItem()
    {
        const string upsert = "mutation($identifier: ProductSetIdentifiers, $input: ProductSetInput!) { productSet(identifier: $identifier, input: $input, synchronous: true) { product { id title status variants(first: 5) { nodes { id sku price barcode inventoryItem { id measurement { weight { value unit } } } } } } userErrors { field message code } } }";
        var created = (await client.DataAsync(upsert, new { input = ProductInput("NEW-1", "Widget", "19.99") })).GetProperty("productSet");
        var productId = created.GetProperty("product").GetProperty("id").GetString();
        var updated = (await client.DataAsync(upsert, new { identifier = new { id = productId }, input = ProductInput("NEW-1", "Widget Pro", "24.50") })).GetProperty("productSet");

        var product = sandbox.State.ProductBySku("NEW-1")!;
        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("userErrors").GetArrayLength(), Is.Zero, created.ToString());
            Assert.That(updated.GetProperty("product").GetProperty("id").GetString(), Is.EqualTo(productId));
            Assert.That(updated.GetProperty("product").GetProperty("variants").GetProperty("nodes")[0].GetProperty("id").GetString(),
                Is.EqualTo(created.GetProperty("product").GetProperty("variants").GetProperty("nodes")[0].GetProperty("id").GetString()));
            Assert.That(product.Title, Is.EqualTo("Widget Pro"));
            Assert.That(product.Status, Is.EqualTo("DRAFT"));
            Assert.That(product.Variants.Single().Price, Is.EqualTo("24.50"));
            Assert.That(product.Variants.Single().Barcode, Is.EqualTo("4006381333931"));
            Assert.That(product.Variants.Single().WeightValue, Is.EqualTo(1.25));
            Assert.That(sandbox.State.Products.Count(p => p.Variants.Any(v => v.Sku == "NEW-1")), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ProductSet_BlankTitleOrTakenSku_UserErrorsAndNothingCreated()
    {
        const string upsert = "mutation($input: ProductSetInput!) { productSet(input: $input) { product { id } userErrors { field message code } } }";
        var blank = (await client.DataAsync(upsert, new { input = ProductInput("NEW-2", " ", "1.00") })).GetProperty("productSet");
        var taken = (await client.DataAsync(upsert, new { input = ProductInput("SKU-1", "Other", "1.00") })).GetProperty("productSet");

        Assert.Multiple(() =>
        {
            Assert.That(blank.GetProperty("userErrors")[0].GetProperty("message").GetString(), Is.EqualTo("Title can't be blank"));
            Assert.That(blank.GetProperty("product").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(taken.GetProperty("userErrors")[0].GetProperty("code").GetString(), Is.EqualTo("DUPLICATED_VALUE"));
            Assert.That(sandbox.State.Products, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Post_SyntaxErrorUnknownFieldOrBadVariable_TopLevelErrorsWithoutData()
    {
        var (_, syntax) = await client.PostAsync("{ productVariants(first: 1) { nodes { id } ");
        var (_, unknown) = await client.PostAsync("{ productVariants(first: 1) { nodes { id colour } } }");
        var (_, badVariable) = await client.PostAsync(SetStock, new { key = "k", input = new { name = "available", reason = "correction", quantities = new[] { new { inventoryItemId = "x", locationId = "y" } } } });

        Assert.Multiple(() =>
        {
            Assert.That(syntax.GetProperty("errors")[0].GetProperty("message").GetString(), Does.StartWith("Parse error"));
            Assert.That(unknown.GetProperty("errors")[0].GetProperty("message").GetString(), Is.EqualTo("Field 'colour' doesn't exist on type 'ProductVariant'"));
            Assert.That(unknown.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("undefinedField"));
            Assert.That(badVariable.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("Variable $input of type InventorySetQuantitiesInput! was provided invalid value for quantities.0.quantity"));
            Assert.That(unknown.TryGetProperty("data", out _), Is.False);
            Assert.That(unknown.GetProperty("extensions").TryGetProperty("cost", out _), Is.True);
            Assert.That(sandbox.State.Mutations, Is.Empty);
        });
    }

    [Test]
    public async Task Post_OverTheBucket_Http200ThrottledWithCost()
    {
        sandbox.SetRateLimit(true, bucketSize: 25, restoreRate: 0.01);
        await SetAsync("k-1", ("SKU-1", "WH1", 1, null));
        await SetAsync("k-2", ("SKU-1", "WH1", 2, null));
        var (status, body) = await client.PostAsync(SetStock, StockVariables("k-3", ("SKU-1", "WH1", 3, null)));

        var cost = body.GetProperty("extensions").GetProperty("cost");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("THROTTLED"));
            Assert.That(cost.GetProperty("requestedQueryCost").GetInt32(), Is.EqualTo(10));
            Assert.That(cost.GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetDouble(), Is.LessThan(10));
            Assert.That(cost.GetProperty("throttleStatus").GetProperty("maximumAvailable").GetDouble(), Is.EqualTo(25));
            Assert.That(sandbox.State.Available("SKU-1", "WH1"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Post_QueryCostOverSingleQueryLimit_MaxCostExceeded()
    {
        var (_, body) = await client.PostAsync("{ productVariants(first: 250) { nodes { product { variants(first: 250) { nodes { id } } } } } }");

        Assert.That(body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("MAX_COST_EXCEEDED"));
    }

    [Test]
    public async Task FailNext_ThenServes_AndDelayHolds()
    {
        sandbox.FailNext(2, 503);
        var first = await client.PostAsync("{ locations(first: 1) { nodes { id } } }");
        var second = await client.PostAsync("{ locations(first: 1) { nodes { id } } }");
        var third = await client.PostAsync("{ locations(first: 1) { nodes { id } } }");
        sandbox.Delay(TimeSpan.FromMilliseconds(300));
        var started = System.Diagnostics.Stopwatch.StartNew();
        await client.PostAsync("{ locations(first: 1) { nodes { id } } }");

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(second.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(third.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(started.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)));
        });
    }

    [Test]
    public async Task AdminEndpoints_SeedFaultsAndState()
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        (await http.PostAsJsonAsync("_sandbox/seed", new { skus = new[] { "SEEDED-1" } })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("_sandbox/faults", new { failNext = 1, status = 502 })).EnsureSuccessStatusCode();
        var failed = await client.PostAsync("{ locations(first: 1) { nodes { id } } }");
        var state = JsonDocument.Parse(await http.GetStringAsync("_sandbox/state")).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(failed.Status, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(state.GetProperty("products").EnumerateArray().SelectMany(p => p.GetProperty("variants").EnumerateArray()).Select(v => v.GetProperty("sku").GetString()), Does.Contain("SEEDED-1"));
            Assert.That(state.GetProperty("locations").GetArrayLength(), Is.EqualTo(2));
        });
    }

    private static object ProductInput(string sku, string title, string price) => new
    {
        title,
        descriptionHtml = "<p>x</p>",
        status = "DRAFT",
        productOptions = new[] { new { name = "Title", values = new[] { new { name = "Default Title" } } } },
        variants = new[]
        {
            new
            {
                optionValues = new[] { new { optionName = "Title", name = "Default Title" } },
                sku,
                price,
                barcode = "4006381333931",
                inventoryItem = new { measurement = new { weight = new { value = 1.25, unit = "KILOGRAMS" } } },
            },
        },
    };

    private async Task<JsonElement> SetAsync(string key, params (string Sku, string Location, int Quantity, int? From)[] lines) =>
        (await client.DataAsync(SetStock, StockVariables(key, lines))).GetProperty("inventorySetQuantities");

    private object StockVariables(string key, params (string Sku, string Location, int Quantity, int? From)[] lines) => new
    {
        key,
        input = new
        {
            name = "available",
            reason = "correction",
            referenceDocumentUri = "gid://erpbridge/Message/M-1",
            quantities = lines.Select(l => new { inventoryItemId = ItemId(l.Sku), locationId = LocationId(l.Location), quantity = l.Quantity, changeFromQuantity = l.From }).ToArray(),
        },
    };

    private string ItemId(string sku) => sandbox.State.VariantBySku(sku)!.InventoryItemId;

    private string LocationId(string name) => sandbox.State.Locations.Single(l => l.Name == name).Id;
}
