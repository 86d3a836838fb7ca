using System.Net;
using System.Text.Json;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Core.Routing;
using ErpBridge.Sandboxes.Shopify;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>The orders requests the connector sends, and the sandbox's answers to them, checked against the published 2026-01 schema.</summary>
public sealed class ShopifyOrderContractTests
{
    private const string Token = "shpat_order_contract";

    [SetUp]
    public void RequireSchema() => ShopifyContract.RequireSchema();

    [Test]
    public void OrdersChangedSince_WithExampleVariables_IsValid()
    {
        var variables = JsonSerializer.Serialize(new { first = 15, after = "eyJsYXN0X2lkIjoxfQ==", query = ShopifyDocuments.UpdatedSinceSearch(new DateTimeOffset(2026, 11, 1, 8, 0, 0, 500, TimeSpan.FromHours(1))) });

        Assert.Multiple(() =>
        {
            Assert.That(ShopifyContract.Validate(ShopifyDocuments.OrdersChangedSince, variables), Is.Empty);
            Assert.That(ShopifyDocuments.UpdatedSinceSearch(new DateTimeOffset(2026, 11, 1, 8, 0, 0, 500, TimeSpan.FromHours(1))), Is.EqualTo("updated_at:>='2026-11-01T07:00:00Z'"));
        });
    }

    [Test]
    public void OrderLineItems_WithExampleVariables_IsValid()
    {
        Assert.That(ShopifyContract.Validate(ShopifyDocuments.OrderLineItems, "{\"id\":\"gid://shopify/Order/1\",\"after\":\"abc\"}"), Is.Empty);
    }

    [Test]
    public async Task ConnectorReadingOrders_EveryRequestAndEveryAnswer_ConformToThePublishedSchema()
    {
        await using var sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, Skus = ["SKU-1", "SKU-2", "SKU-3"] }, CancellationToken.None);
        sandbox.SeedOrder(ShopifyOrders.Simple("1001", lines: 8));
        sandbox.SeedOrder(ShopifyOrders.PaidWithTaxDiscountAndShipping("1002"));
        await using (var connector = new ShopifyConnectorFactory().Create("shop", new ChannelOptions { Platform = "Shopify", BaseUrl = sandbox.BaseAddress.ToString(), AccessToken = Token }))
        {
            await ShopifyOrders.ReadAllAsync((ShopifyConnector)connector, DateTimeOffset.UnixEpoch, 2);
        }

        var requests = sandbox.GraphQLRequests;
        Assert.That(requests.Select(r => r.Query).Distinct(), Is.EquivalentTo(new[] { ShopifyDocuments.OrdersChangedSince, ShopifyDocuments.OrderLineItems }), "pages of orders and a follow-up for the long order");
        using var http = new ShopifyGraphQLHttp(sandbox.BaseAddress, Token);
        foreach (var request in requests)
        {
            Assert.That(request.Path, Is.EqualTo("/admin/api/2026-01/graphql.json"));
            Assert.That(ShopifyContract.Validate(request.Query, request.VariablesJson), Is.Empty, request.VariablesJson);

            var (status, body) = await http.PostAsync(request.Query, JsonSerializer.Deserialize<JsonElement>(request.VariablesJson ?? "{}"));

            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ShopifyResponseContract.Check(request.Query, body.GetProperty("data")), Is.Empty, body.ToString());
        }
    }

    [Test]
    public void ResponseContract_WrongShapes_AreReported()
    {
        const string document = "query { orders(first: 1) { nodes { id displayFinancialStatus createdAt totalPriceSet { shopMoney { amount } } } pageInfo { hasNextPage } } }";
        using var wrong = JsonDocument.Parse("""
            {"orders":{"nodes":[{"id":null,"displayFinancialStatus":"SETTLED","createdAt":"2026-01-01 10:00","totalPriceSet":{"shopMoney":{"amount":12.5}},"extra":1}],"pageInfo":{"hasNextPage":"no"}}}
            """);

        var problems = ShopifyResponseContract.Check(document, wrong.RootElement);

        Assert.That(problems, Has.Count.EqualTo(6), string.Join("\n", problems));
    }
}
