using ErpBridge.Connectors;
using ErpBridge.Connectors.BigCommerce;
using ErpBridge.Sandboxes.BigCommerce;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>
/// Order polling against BigCommerce's published orders v2 file: every request the connector makes to read orders
/// (path and query parameters), and the sandbox's order, order-product and shipping-address bodies; and proof that
/// the checker catches an order body that breaks the schema.
/// </summary>
[TestFixture]
public sealed class BigCommerceOrderContractTests
{
    [SetUp]
    public void RequireContracts() => SharedContracts.RequireFolder("bigcommerce");

    [Test]
    public async Task OrderReadingRequestsAndAnswers_MatchTheOrdersV2Contract()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.Seed(["SKU-1"]);
        store.Sandbox.SeedOrder(new SandboxOrderSeed(1001, [
            new SandboxOrderLineSeed("SKU-1", 2, 24.50m) { TaxRate = 0.0825m, Discount = 4.90m },
            new SandboxOrderLineSeed("", 1, 5m) { Name = "Gift wrapping" },
        ])
        {
            ShippingCost = 9.95m,
            ShippingAddress = new SandboxAddress("Alan", "Turing", "2 Bletchley Ln", "Boston", "02108", "US") { Company = "Bletchley Analytics" },
            CustomerMessage = "Leave at the door",
        });
        store.Sandbox.SeedOrder(new SandboxOrderSeed(1002, [new SandboxOrderLineSeed("SKU-1", 1)]) { CustomerId = 0, PaymentStatus = "pending", StatusId = BigCommerceOrderStatuses.AwaitingPayment });
        store.Sandbox.CancelOrder(1002);
        await using (var connector = (BigCommerceConnector)new BigCommerceConnectorFactory().Create("bc-test", store.Channel()))
        {
            var result = await connector.ReadOrdersAsync(new OrderQuery(TimeProvider.System.GetUtcNow().AddDays(-1), null, 1), CancellationToken.None);
            Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
            result = await connector.ReadOrdersAsync(new OrderQuery(TimeProvider.System.GetUtcNow().AddDays(-1), result.Page!.NextPageToken, 1), CancellationToken.None);
            Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
        }

        var sent = store.Sandbox.Requests;
        var problems = sent.SelectMany(r => BigCommerceContract.Validate(r.Method, r.Path + r.Query, r.Body)).ToList();
        foreach (var path in new[] { "v2/orders?sort=date_modified:asc&limit=250", "v2/orders/1001", "v2/orders/1001/products", "v2/orders/1001/shipping_addresses", "v2/orders/1002/products" })
        {
            using var response = await store.Http.GetAsync(new Uri(path, UriKind.Relative));
            problems.AddRange(BigCommerceContract.ValidateResponse("GET", path, (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.That(sent.Where(r => r.Path == "v2/orders").Select(r => r.Query).ToList(), Has.Count.EqualTo(2).And.All.Contains("min_date_modified="));
        Assert.That(sent.Select(r => r.Path), Does.Contain("v2/orders/1001/products").And.Contain("v2/orders/1002/shipping_addresses"));
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void OrderListQueryParameterTheFileDoesNotDeclare_IsReported() =>
        Assert.That(BigCommerceContract.Validate("GET", "v2/orders?updated_at_min=2026-11-20T00:00:00Z", null), Is.Not.Empty);

    [TestCase("""[{"id":"100","status_id":11}]""")]
    [TestCase("""[{"id":100,"payment_status":"settled"}]""")]
    [TestCase("""[{"id":100,"billing_address":{"first_name":"Ada"}}]""")]
    [TestCase("""{"id":100}""")]
    public void OrderListAnswerThatBreaksTheSchema_IsReported(string body) =>
        Assert.That(BigCommerceContract.ValidateResponse("GET", "v2/orders", 200, body), Is.Not.Empty);
}
