using System.Xml.Linq;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Reconciliation;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Reconciliation through the real host against sandboxes seeded with drift, missing and unknown SKUs: started and read
/// over SOAP, healed through the normal delivery pipeline, resumed after being stopped mid-read, exported as CSV.
/// </summary>
[NonParallelizable]
public sealed class ReconciliationEndToEndTests
{
    private static readonly XNamespace Rec = "urn:erpbridge:reconciliation:v1";
    private static readonly string[] Skus = ["R-001", "R-002", "R-003", "R-004", "R-005"];

    [Test]
    public async Task Report_ClassifiesMatchDriftMissingUnknownAndInFlight_AndUntakenOrders()
    {
        await using var world = await StartWorldAsync();
        var channel = DeliveryWorld.BigCommerceChannel;
        await SeedErpStockAsync(world);

        // The store drifts: one level changed by hand, one product deleted, one SKU the ERP never sent.
        world.BigCommerce.SetStock([("R-002", DeliveryWorld.Location, 99), ("R-900", DeliveryWorld.Location, 7)]);
        world.BigCommerce.DeleteProduct(world.BigCommerce.State().ProductBySku("R-003")!.Id);
        // A newer ERP level that cannot be delivered (a location the store does not have) stays in flight.
        await world.SubmitAsync(StockAt("RC-2", TimeProvider.System.GetUtcNow(), "R-005", "WH99", 5));
        await world.WaitForAsync("RC-2", "Failed", "Delivered");

        var report = await RunOverSoapAsync(world, channel);

        Assert.That((string?)report.Element(Rec + "Status"), Is.EqualTo("Completed"), report.ToString());
        var counts = Counts(report);
        Assert.That(counts.GetValueOrDefault("Match"), Is.EqualTo(3), "R-001, R-004, R-005 at WH01");
        Assert.That(counts.GetValueOrDefault("Drift"), Is.EqualTo(1));
        Assert.That(counts.GetValueOrDefault("MissingOnStore"), Is.EqualTo(1));
        Assert.That(counts.GetValueOrDefault("UnknownToErp"), Is.EqualTo(1));
        Assert.That(counts.GetValueOrDefault("InFlight"), Is.EqualTo(1));
        Assert.That(counts.GetValueOrDefault("OrderNotStored"), Is.EqualTo(world.BigCommerce.State().Orders.Count), "orders are not polled in this world, so none of the store's orders was stored");
        var findings = report.Descendants(Rec + "Finding").ToList();
        var drift = findings.Single(f => (string?)f.Element(Rec + "Class") == "Drift");
        Assert.That(((string?)drift.Element(Rec + "Sku"), (long?)drift.Element(Rec + "ErpQuantity"), (long?)drift.Element(Rec + "StoreQuantity")), Is.EqualTo(("R-002", (long?)20, (long?)99)));
        Assert.That(findings.Single(f => (string?)f.Element(Rec + "Class") == "MissingOnStore").Element(Rec + "Sku")!.Value, Is.EqualTo("R-003"));
        Assert.That(findings.Single(f => (string?)f.Element(Rec + "Class") == "UnknownToErp").Element(Rec + "Sku")!.Value, Is.EqualTo("R-900"));
        var inFlight = findings.Single(f => (string?)f.Element(Rec + "Class") == "InFlight");
        Assert.That(((string?)inFlight.Element(Rec + "Location"), (string?)inFlight.Element(Rec + "Detail")), Is.EqualTo(("WH99", "message RC-2 Failed")));
    }

    [Test]
    public async Task EveryPlatform_ReadsItsStoreInBulk_AndFindsTheOneLevelChangedThere()
    {
        await using var world = await StartWorldAsync();
        await SeedErpStockAsync(world);
        world.Shopify.SetStock([("R-002", DeliveryWorld.Location, 98)]);
        world.BigCommerce.SetStock([("R-002", DeliveryWorld.Location, 98)]);
        world.WooCommerce.SetStock([("R-002", 98)]);
        world.Magento.SetStock([("R-002", DeliveryWorld.Location, 98)]);
        world.Api2Cart.SetStock([("R-002", null, 98)]);
        world.Zoho.SetStock("R-002", DeliveryWorld.Location, 98);

        foreach (var channel in new[] { DeliveryWorld.ShopifyChannel, DeliveryWorld.BigCommerceChannel, DeliveryWorld.WooCommerceChannel, DeliveryWorld.MagentoChannel, DeliveryWorld.Api2CartChannel, DeliveryWorld.ZohoChannel })
        {
            var report = await RunOverSoapAsync(world, channel);
            var counts = Counts(report);

            Assert.That((string?)report.Element(Rec + "Status"), Is.EqualTo("Completed"), $"{channel}: {report}");
            Assert.That((int)report.Element(Rec + "PagesRead")!, Is.EqualTo(1), $"{channel}: a handful of levels fit one page; waiting for a bulk operation reads none");
            Assert.That((counts.GetValueOrDefault("Match"), counts.GetValueOrDefault("Drift"), counts.GetValueOrDefault("MissingOnStore"), counts.GetValueOrDefault("InFlight")), Is.EqualTo((4L, 1L, 0L, 0L)), $"{channel}: {report}");
            var drift = report.Descendants(Rec + "Finding").Single(f => (string?)f.Element(Rec + "Class") == "Drift");
            Assert.That(((string?)drift.Element(Rec + "Sku"), (string?)drift.Element(Rec + "Location"), (long?)drift.Element(Rec + "ErpQuantity"), (long?)drift.Element(Rec + "StoreQuantity")), Is.EqualTo(("R-002", DeliveryWorld.Location, (long?)20, (long?)98)), channel);
            TestContext.Progress.WriteLine($"{channel}: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}");
        }
    }

    [Test]
    public async Task Healing_QueuesCorrectionsThroughDelivery_AndTheNextRunMatches()
    {
        await using var world = await StartWorldAsync(new() { [$"ErpBridge:Reconciliation:Channels:{DeliveryWorld.BigCommerceChannel}:Heal"] = "true" });
        var channel = DeliveryWorld.BigCommerceChannel;
        await SeedErpStockAsync(world);
        world.BigCommerce.SetStock([("R-002", DeliveryWorld.Location, 99), ("R-004", DeliveryWorld.Location, 1)]);

        var first = await RunOverSoapAsync(world, channel);
        await DeliveryWorld.EventuallyAsync(
            () => world.BigCommerce.State().StockOf("R-002", DeliveryWorld.Location) == 20 && world.BigCommerce.State().StockOf("R-004", DeliveryWorld.Location) == 40,
            "the corrections delivered to the store");
        var second = await RunOverSoapAsync(world, channel);

        Assert.That(Counts(first).GetValueOrDefault("Drift"), Is.EqualTo(2));
        Assert.That((long?)first.Element(Rec + "Healed"), Is.EqualTo(2));
        Assert.That(first.Descendants(Rec + "HealedBy").Select(h => h.Value), Is.All.StartWith("RECON-"));
        Assert.That(Counts(second).GetValueOrDefault("Drift"), Is.Zero);
        Assert.That(Counts(second).GetValueOrDefault("Match"), Is.EqualTo(5));
    }

    [Test]
    public async Task StoppedMidRead_TheRestartedBridgeResumesTheRunFromItsLastPage_AndReadsEveryLevelOnce()
    {
        await using var world = await StartWorldAsync(new() { ["ErpBridge:Reconciliation:PageSize"] = "1" });
        await SeedErpStockAsync(world);
        var services = world.Bridge.App.Services;
        var store = services.GetRequiredService<IReconciliationStore>();
        var (run, _) = await store.StartAsync(DeliveryWorld.BigCommerceChannel, "test", heal: false, TimeProvider.System.GetUtcNow(), CancellationToken.None);

        // One page per request, each slow: the run is stopped after its second page, as a process stopping would.
        world.BigCommerce.Delay(TimeSpan.FromMilliseconds(300));
        using (var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(750)))
        {
            Assert.That(async () => await services.GetRequiredService<ReconciliationRunner>().RunAsync(run.RunId, stop.Token), Throws.InstanceOf<OperationCanceledException>());
        }

        var stopped = (await store.GetAsync(run.RunId, CancellationToken.None))!;
        world.BigCommerce.Delay(TimeSpan.Zero);
        await world.RestartBridgeAsync();
        var restarted = world.Bridge.App.Services.GetRequiredService<IReconciliationStore>();
        ReconciliationRun? finished = null;
        await DeliveryWorld.EventuallyAsync(
            () => (finished = restarted.GetAsync(run.RunId, CancellationToken.None).GetAwaiter().GetResult())!.Status != ReconciliationStatus.Running,
            "the restarted bridge finished the run");

        Assert.That(stopped.Status, Is.EqualTo(ReconciliationStatus.Running));
        Assert.That(stopped.Pages, Is.InRange(1, 4), "stopped mid-read");
        Assert.That(stopped.PageToken, Is.Not.Null);
        Assert.That(finished!.Status, Is.EqualTo(ReconciliationStatus.Completed), finished.Error);
        Assert.That(finished.LevelsRead, Is.EqualTo(5), "every level read once over both processes");
        var counts = await restarted.CountsAsync(run.RunId, CancellationToken.None);
        Assert.That(counts.Single(c => c.Class == ReconciliationClass.Match).Count, Is.EqualTo(5));
    }

    [Test]
    public async Task OrdersStoredButNotTakenByTheErp_AreReported()
    {
        await using var world = await StartWorldAsync(new() { ["ErpBridge:Orders:Enabled"] = "true" });
        var channel = DeliveryWorld.BigCommerceChannel;
        var storeOrders = world.BigCommerce.State().Orders.Count;
        await world.Bridge.App.Services.GetRequiredService<ErpBridge.Orders.OrderPoller>().PollAsync(channel, CancellationToken.None);

        var report = await RunOverSoapAsync(world, channel);

        Assert.That(Counts(report).GetValueOrDefault("OrderNotStored"), Is.Zero);
        Assert.That(Counts(report).GetValueOrDefault("OrderNotTaken"), Is.EqualTo(storeOrders), "polled, never fetched");
        Assert.That(report.Descendants(Rec + "Finding").Where(f => (string?)f.Element(Rec + "Class") == "OrderNotTaken").Select(f => (string?)f.Element(Rec + "Detail")), Is.All.Contains("Pending"));
    }

    [Test]
    public async Task CommandLine_ReconcilesAndExportsEveryItemAsCsv()
    {
        await using var world = await StartWorldAsync();
        await SeedErpStockAsync(world);
        world.BigCommerce.SetStock([("R-002", DeliveryWorld.Location, 99)]);
        using var folder = new TempFolder();
        var csv = folder.File("recon.csv");

        var (reconciled, output, _) = await world.RunOperatorAsync("reconcile", "--channel", DeliveryWorld.BigCommerceChannel);
        var (exported, exportOutput, _) = await world.RunOperatorAsync("reconciliation-report", "--channel", DeliveryWorld.BigCommerceChannel, "--csv", csv);
        var (badClass, _, badClassError) = await world.RunOperatorAsync("reconciliation-report", "--class", "Sideways");

        Assert.That(reconciled, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Completed").And.Contain("Drift").And.Contain("R-002"));
        Assert.That(exported, Is.EqualTo(0), exportOutput);
        var lines = File.ReadAllLines(csv);
        Assert.That(lines[0], Is.EqualTo("class,key,sku,location,erp_quantity,store_quantity,detail,healed_by"));
        Assert.That(lines, Has.Some.StartsWith("Drift,inv:R-002@WH01,R-002,WH01,20,99,"));
        Assert.That(lines.Count(l => l.StartsWith("Match,", StringComparison.Ordinal)), Is.EqualTo(4));
        Assert.That(badClass, Is.EqualTo(2));
        Assert.That(badClassError, Does.Contain("Drift"));
    }

    [Test]
    public async Task GetReconciliationReport_UnknownRun_IsAPreciseFault()
    {
        await using var world = await StartWorldAsync();

        var response = await world.Soap.PostAsync(Envelopes.Wrap("""<rec:GetReconciliationReport xmlns:rec="urn:erpbridge:reconciliation:v1"><rec:RunId>424242</rec:RunId></rec:GetReconciliationReport>"""));

        Assert.That(response.FaultCode, Is.EqualTo("ReconciliationNotFound"));
        Assert.That(response.FaultReason, Does.Contain("424242"));
    }

    private static async Task<DeliveryWorld> StartWorldAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["ErpBridge:Reconciliation:OrderGrace"] = "00:00:00" };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return await DeliveryWorld.StartAsync(settings, Skus);
    }

    /// <summary>The ERP's stock, delivered to every store: R-001..R-005 at 10, 20, 30, 40, 50.</summary>
    private static async Task SeedErpStockAsync(DeliveryWorld world)
    {
        await world.SubmitAsync(DeliveryWorld.Stock("RC-1", TimeProvider.System.GetUtcNow().AddMinutes(-5), Skus.Select((s, i) => (s, (i + 1) * 10)).ToArray()));
        await world.WaitForAsync("RC-1", "Delivered");
    }

    private static string StockAt(string messageId, DateTimeOffset sentAt, string sku, string location, int quantity) =>
        $"""<inv:SubmitInventory xmlns:inv="urn:erpbridge:inventory:v1"><inv:MessageId>{messageId}</inv:MessageId><inv:SentAt>{sentAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}</inv:SentAt><inv:SourceSystem>SAP-ECC</inv:SourceSystem><inv:Items><inv:Item><inv:Sku>{sku}</inv:Sku><inv:Location>{location}</inv:Location><inv:Quantity>{quantity}</inv:Quantity></inv:Item></inv:Items></inv:SubmitInventory>""";

    /// <summary>StartReconciliation for the channel, then GetReconciliationReport until the run is no longer Running.</summary>
    private static async Task<XElement> RunOverSoapAsync(DeliveryWorld world, string channel)
    {
        var started = await world.SubmitAsync($"""<rec:StartReconciliation xmlns:rec="urn:erpbridge:reconciliation:v1"><rec:Channel>{channel}</rec:Channel></rec:StartReconciliation>""");
        var runId = (long)started.Xml.Descendants(Rec + "RunId").Single();
        XElement? report = null;
        await DeliveryWorld.EventuallyAsync(
            () =>
            {
                var response = world.SubmitAsync($"""<rec:GetReconciliationReport xmlns:rec="urn:erpbridge:reconciliation:v1"><rec:RunId>{runId}</rec:RunId><rec:MaxFindings>1000</rec:MaxFindings></rec:GetReconciliationReport>""").GetAwaiter().GetResult();
                report = response.Xml.Descendants(Rec + "Run").Single();
                return (string?)report.Element(Rec + "Status") != "Running";
            },
            $"reconciliation run {runId} finished");
        return report!;
    }

    private static Dictionary<string, long> Counts(XElement report) =>
        report.Element(Rec + "Counts")!.Elements(Rec + "Count").ToDictionary(c => (string)c.Element(Rec + "Class")!, c => (long)c.Element(Rec + "Number")!);
}
