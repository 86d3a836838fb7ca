using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.Magento;

/// <summary>
/// The Magento maps' golden outputs and the contract checker itself against Adobe's published admin schema. The
/// connector and sandbox tests check the requests actually sent; these check every golden case, and that the
/// checker rejects what the contract does not allow (so that an empty problem list means something).
/// </summary>
[TestFixture]
public sealed class MagentoContractTests
{
    public static IEnumerable<TestCaseData> GoldenCases() =>
        ErpBridge.Mapping.Golden.GoldenCases.Discover(RepositoryFolders.Xslt)
            .Where(c => c.MapName.StartsWith("outbound/magento/", StringComparison.Ordinal) && !c.ExpectsError)
            .Select(c => new TestCaseData(c).SetName($"Magento golden {c.MapName} {c.Name} matches the published contract"));

    public static IEnumerable<TestCaseData> AllGoldenCases() =>
        ErpBridge.Mapping.Golden.GoldenCases.Discover(RepositoryFolders.Xslt)
            .Where(c => c.MapName.StartsWith("outbound/magento/", StringComparison.Ordinal))
            .Select(c => new TestCaseData(c).SetName($"Magento golden {c.MapName} {c.Name} gives the expected output"));

    [TestCaseSource(nameof(AllGoldenCases))]
    public void GoldenCase_MapOutput_IsTheExpectedOne(GoldenCase goldenCase)
    {
        using var engine = RepositoryMaps.Open();

        var result = ErpBridge.Mapping.Golden.GoldenCases.Run(engine, goldenCase);

        Assert.That(result.Passed, Is.True, result.Failure);
    }

    [TestCaseSource(nameof(GoldenCases))]
    public void GoldenCaseBodies_MatchThePublishedContract(GoldenCase goldenCase)
    {
        var plan = RequestPlan.Parse(CanonicalXml.Load(goldenCase.ExpectedPath));

        Assert.That(plan.Calls, Is.Not.Empty);
        foreach (var call in plan.Calls)
        {
            var (body, unresolved) = PlanReference.Apply(call.Body!, r => r.Kind switch
            {
                "source" => "default",
                "sku" => r.Key,
                "order-item" => "1",
                _ => null,
            });
            Assert.That(unresolved, Is.Null, call.Id);
            var problems = MagentoContract.Validate(call.Method, call.Path, JsonXml.ToJson(body!));
            Assert.That(problems, Is.Empty, $"{call.Id}: {string.Join(Environment.NewLine, problems)}");
        }
    }

    [Test]
    public void StockMap_SplitsAt500ItemsPerCall()
    {
        var plan = MagentoPlans.Stock("INV-1", Enumerable.Range(1, 1201).Select(i => new MagentoPlans.StockLine($"SKU-{i}", "WH1", i)).ToArray());

        var sizes = plan.Calls.Select(c => c.Body!.Elements().Single(e => (string?)e.Attribute("key") == "sourceItems").Elements().Count());

        Assert.That(sizes, Is.EqualTo(new[] { 500, 500, 201 }));
    }

    [Test]
    public void Validate_AFieldTheContractDoesNotKnow_IsReported()
    {
        var problems = MagentoContract.Validate("POST", "V1/inventory/source-items",
            """{"sourceItems":[{"sku":"A","source_code":"default","quantity":1,"status":1,"qty":1}]}""");

        Assert.That(problems, Has.Some.Contains("qty"));
    }

    [Test]
    public void Validate_AWrongType_IsReported()
    {
        var problems = MagentoContract.Validate("POST", "V1/products", """{"product":{"sku":"A","price":"cheap"}}""");

        Assert.That(problems, Is.Not.Empty);
    }

    [Test]
    public void Validate_AMissingRequiredBodyMember_IsReported()
    {
        var problems = MagentoContract.Validate("POST", "V1/products", """{"saveOptions":true}""");

        Assert.That(problems, Is.Not.Empty);
    }

    [Test]
    public void Validate_AnOperationTheContractDoesNotHave_IsReported()
    {
        Assert.That(MagentoContract.Validate("POST", "V1/inventory/source-items-everywhere", "{}"), Has.Some.Contains("no such operation"));
        Assert.That(MagentoContract.Validate("GET", "V1/inventory/sources?searchCriteria[bogus]=1", null), Has.Some.Contains("searchCriteria[bogus]"));
    }

    [Test]
    public void Validate_ThePathTemplateAndSnakeCaseSearchCriteria_AreAccepted()
    {
        Assert.That(MagentoContract.Validate("PUT", "/V1/products/SKU-1", """{"product":{"sku":"SKU-1","name":"N"}}"""), Is.Empty);
        Assert.That(MagentoContract.Validate("GET", "V1/products?searchCriteria[filter_groups][1][filters][0][condition_type]=in", null), Is.Empty);
    }
}
