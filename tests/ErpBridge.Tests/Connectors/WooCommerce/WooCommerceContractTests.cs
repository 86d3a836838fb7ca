using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;
using Line = ErpBridge.Tests.Connectors.WooCommerce.WooCommerceMessages.StockLine;
using Product = ErpBridge.Tests.Support.CanonicalProduct;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>What the connector sends, and what the maps write, against the published wc/v3 contract.</summary>
[TestFixture]
public sealed class WooCommerceContractTests
{
    [Test]
    public void Validator_ReportsAWrongType_AndAnUnknownOperation()
    {
        Assert.That(WooCommerceContract.Validate("POST", "products/batch", """{"update":[{"id":1,"stock_quantity":"5"}]}"""),
            Has.Some.Contains("stock_quantity"));
        Assert.That(WooCommerceContract.Validate("POST", "products/12/stock", "{}"), Has.Some.Contains("no such operation"));
        Assert.That(WooCommerceContract.Validate("GET", "products?skew=A", null), Has.Some.Contains("'skew'"));
    }

    [Test]
    public async Task EveryRequestTheConnectorSends_MatchesTheContract()
    {
        WooCommerceContract.Validate("GET", "products", null);
        await using var store = await WooCommerceTestStore.StartAsync();
        await using var connector = new WooCommerceConnectorFactory().Create("woo-test", store.Channel());
        store.Sandbox.Seed(["SIMPLE"]);
        store.Sandbox.SeedVariable("TEE", ["TEE-S"]);

        var outcomes = new[]
        {
            await connector.ExecuteAsync(WooCommerceMessages.Stock("M-1", new Line("SIMPLE", 1), new Line("TEE-S", 2)), CancellationToken.None),
            await connector.ExecuteAsync(WooCommerceMessages.Products("P-1", new Product("NEW-1", "New", 5m, Description: "Text")), CancellationToken.None),
            await connector.ExecuteAsync(WooCommerceMessages.Products("P-2", new Product("NEW-1", "New", 6m)), CancellationToken.None),
        };

        Assert.That(outcomes, Is.All.TypeOf<ErpBridge.Core.Delivery.DeliveryOutcome.Delivered>());

        var requests = store.Sandbox.Requests;
        Assert.That(requests.Select(r => r.Method).Distinct(), Is.EquivalentTo(new[] { "GET", "POST", "PUT" }));
        Assert.That(requests.Select(r => r.Status), Is.All.LessThan(300));
        foreach (var request in requests)
        {
            Assert.That(WooCommerceContract.Validate(request.Method, request.Path + request.Query, request.Body), Is.Empty, $"{request.Method} {request.Path}");
        }
    }

    public static IEnumerable<TestCaseData> GoldenOutputs() =>
        GoldenCases.Discover(RepositoryFolders.Xslt)
            .Where(c => c.MapName.StartsWith("outbound/woocommerce/", StringComparison.Ordinal) && !c.ExpectsError)
            .Select(c => new TestCaseData(c).SetName($"WooCommerceContract {c.MapName} {c.Name}"));

    [TestCaseSource(nameof(GoldenOutputs))]
    public void GoldenOutput_BodiesMatchTheContract_OnceIdsAreFilledIn(GoldenCase goldenCase)
    {
        WooCommerceContract.Validate("GET", "products", null);
        var plan = RequestPlan.Parse(CanonicalXml.Load(goldenCase.ExpectedPath));

        foreach (var call in plan.Calls)
        {
            var (body, unresolved) = PlanReference.Apply(call.Body!, _ => "42");
            Assert.That(unresolved, Is.Null);
            var path = System.Text.RegularExpressions.Regex.Replace(call.Path, @"\{[^}]+\}", "42");
            var problems = WooCommerceContract.Validate(call.Method, path, JsonXml.ToJson(body!));
            if (WooCommerceContractGaps.IsUncoveredShipmentRoute(path))
            {
                // Stated as a gap: should the contract ever describe the route, this starts failing and the gap goes.
                Assert.That(problems, Has.Some.Contains("no such operation"), call.Id);
                continue;
            }

            Assert.That(problems, Is.Empty, call.Id);
        }
    }
}
