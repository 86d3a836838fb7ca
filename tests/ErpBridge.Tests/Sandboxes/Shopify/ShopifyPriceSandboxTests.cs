using ErpBridge.Sandboxes.Shopify;
using ErpBridge.Tests.Connectors.Shopify;

namespace ErpBridge.Tests.Sandboxes.Shopify;

/// <summary>productVariantsBulkUpdate on the Shopify sandbox: the fields given change, nothing else; errors change nothing.</summary>
public sealed class ShopifyPriceSandboxTests
{
    private const string Token = "shpat_test_token";

    private const string Update =
        "mutation SetPrice($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $productId, variants: $variants) { productVariants { id sku price } userErrors { field message code } } }";

    private ShopifySandbox sandbox = null!;
    private ShopifyGraphQLHttp client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, Skus = ["SKU-1", "SKU-2"] }, CancellationToken.None);
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
}
