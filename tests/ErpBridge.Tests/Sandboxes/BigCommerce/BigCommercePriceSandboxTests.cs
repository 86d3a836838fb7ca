using System.Net;
using ErpBridge.Tests.Connectors.BigCommerce;

namespace ErpBridge.Tests.Sandboxes.BigCommerce;

/// <summary>PUT v3/catalog/products, "Update Products (Batch)", on the BigCommerce sandbox: the fields sent change, checked as a whole first.</summary>
public sealed class BigCommercePriceSandboxTests
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
}
