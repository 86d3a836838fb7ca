using System.Xml.Linq;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Connectors.Magento;

namespace ErpBridge.Tests.Sandboxes.Magento;

/// <summary>
/// Magento's price API (POST V1/products/base-prices) on the sandbox, through the connector: a price is set and
/// nothing else of the product; the entries Magento leaves out come back in its answer and fail the call.
/// </summary>
public sealed class MagentoPriceSandboxTests
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
