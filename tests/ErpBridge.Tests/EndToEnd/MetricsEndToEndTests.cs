using System.Xml.Linq;
using ErpBridge.Core.Metrics;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Issue 17: /metrics of the real host after real traffic (accepts, a duplicate, a conflict, deliveries to the
/// sandboxes, a 429, a dead letter, a reconciliation run), scraped as Prometheus does, series and labels checked.
/// </summary>
[NonParallelizable]
public sealed class MetricsEndToEndTests
{
    private static readonly XNamespace Rec = "urn:erpbridge:reconciliation:v1";
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Scrape_AfterTraffic_ShowsEverySeriesWithItsLabels()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?>
        {
            ["ErpBridge:Monitoring:GaugeCache"] = "00:00:00",
            ["ErpBridge:Reconciliation:OrderGrace"] = "00:00:00",
        });
        world.BigCommerce.FailNext(1, 429);

        await world.SubmitAsync(DeliveryWorld.Stock("MX-1", T0, ("E2E-001", 5)));
        await world.SubmitAsync(DeliveryWorld.Stock("MX-1", T0, ("E2E-001", 5)));
        var conflict = await world.Soap.PostAsync(Envelopes.Wrap(DeliveryWorld.Stock("MX-1", T0, ("E2E-001", 6))));
        await world.WaitForAsync("MX-1", "Delivered");

        // BigCommerce refuses a second product with an existing product's name: a dead letter there.
        await world.SubmitAsync(DeliveryWorld.Product("MX-2", T0, "NEW-300", "Product E2E-002", 5m));
        await world.WaitForAsync("MX-2", "Delivered", "Failed");
        var findings = await ReconcileAsync(world, DeliveryWorld.BigCommerceChannel);

        using var http = world.Bridge.MonitoringClient();
        using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative));
        var scrape = PrometheusText.Parse(await response.Content.ReadAsStringAsync());
        var raw = scrape.Raw;

        Assert.That(conflict.Fault, Is.Not.Null);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain").Or.EqualTo("application/openmetrics-text"));
        Assert.That(scrape.Value("erpbridge_soap_accepts_total", ("operation", "SubmitInventory"), ("outcome", "Accepted")), Is.EqualTo(1), raw);
        Assert.That(scrape.Value("erpbridge_soap_accepts_total", ("operation", "SubmitInventory"), ("outcome", "Duplicate")), Is.EqualTo(1), raw);
        Assert.That(scrape.Value("erpbridge_soap_accepts_total", ("operation", "SubmitInventory"), ("outcome", "Conflict")), Is.EqualTo(1), raw);
        Assert.That(scrape.Value("erpbridge_soap_accepts_total", ("operation", "SubmitProducts"), ("outcome", "Accepted")), Is.EqualTo(1), raw);
        Assert.That(scrape.Value("erpbridge_soap_faults_total", ("code", "MessageIdConflict")), Is.EqualTo(1), raw);

        var bigCommerce = new[] { ("channel", DeliveryWorld.BigCommerceChannel), ("platform", "bigcommerce") };
        Assert.That(scrape.Value("erpbridge_delivery_outcomes_total", [.. bigCommerce, ("outcome", "RetryScheduled")]), Is.EqualTo(1), "the 429\n" + raw);
        Assert.That(scrape.Value("erpbridge_delivery_outcomes_total", [.. bigCommerce, ("outcome", "Delivered")]), Is.EqualTo(1), raw);
        Assert.That(scrape.Value("erpbridge_delivery_outcomes_total", [.. bigCommerce, ("outcome", "Failed")]), Is.EqualTo(1), "the dead letter\n" + raw);
        Assert.That(scrape.Value("erpbridge_delivery_outcomes_total", ("channel", DeliveryWorld.ShopifyChannel), ("platform", "shopify"), ("outcome", "Delivered")), Is.EqualTo(2), raw);
        Assert.That(scrape.Value("erpbridge_store_rate_limited_total", bigCommerce), Is.EqualTo(1), raw);
        Assert.That(scrape.Value("erpbridge_store_rate_limited_total", ("channel", DeliveryWorld.ShopifyChannel)), Is.Zero, raw);
        Assert.That(scrape.Value("erpbridge_store_call_duration_seconds_count", bigCommerce), Is.GreaterThanOrEqualTo(3), "the 429, the stock, the product's calls, the bulk read\n" + raw);
        Assert.That(scrape.Of("erpbridge_store_call_duration_seconds_bucket", bigCommerce).Select(s => s.Labels["le"]), Does.Contain("+Inf"));

        Assert.That(findings, Is.Not.Empty);
        foreach (var (findingClass, count) in findings)
        {
            Assert.That(scrape.Value("erpbridge_reconciliation_findings_total", ("channel", DeliveryWorld.BigCommerceChannel), ("class", findingClass)), Is.EqualTo(count), $"{findingClass}\n{raw}");
        }

        Assert.That(scrape.Of("erpbridge_map_duration_seconds_count").Select(s => s.Labels["map"]), Does.Contain("outbound/bigcommerce/Inventory"), raw);
        Assert.That(scrape.Value("erpbridge_delivery_backlog", ("channel", DeliveryWorld.ShopifyChannel)), Is.Zero, raw);
        Assert.That(scrape.Of("erpbridge_delivery_backlog").Select(s => s.Labels["channel"]), Is.EquivalentTo(DemoChannels.Routed.Append(DeliveryWorld.ShipStationChannel)));
        Assert.That(scrape.Value("erpbridge_store_daily_budget_remaining", ("channel", DeliveryWorld.ZohoChannel), ("platform", "zoho-inventory")), Is.LessThan(1000).And.GreaterThan(900), "Zoho's daily budget, less what the stock and product used\n" + raw);
        Assert.That(scrape.Value("erpbridge_delivery_delivered_last_hour", ("channel", DeliveryWorld.ShopifyChannel)), Is.EqualTo(2), raw);
        Assert.That(scrape.Value("erpbridge_delivery_delivered_last_hour", ("channel", DeliveryWorld.BigCommerceChannel)), Is.EqualTo(1), "the product is a dead letter there\n" + raw);
        Assert.That(scrape.Value("erpbridge_delivery_oldest_pending_age_seconds", ("channel", DeliveryWorld.ShopifyChannel)), Is.Zero, raw);
    }

    [Test]
    public async Task Scrape_BeforeAnyTraffic_NamesOnlyInstrumentsOfMetricNames()
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var http = bridge.MonitoringClient();

        var scrape = PrometheusText.Parse(await http.GetStringAsync(new Uri("metrics", UriKind.Relative)));
        var known = MetricNames.All.Select(m => m.Name.Replace('.', '_')).ToList();

        Assert.That(scrape.Samples.Select(s => s.Name).Where(n => n.StartsWith("erpbridge_", StringComparison.Ordinal)), Is.Not.Empty.And.All.Matches<string>(n => known.Any(k => n!.StartsWith(k, StringComparison.Ordinal))));
        Assert.That(scrape.Of("erpbridge_delivery_backlog").Select(s => s.Labels["channel"]), Has.Member("shopify-demo"), "the demo channels' gauges, read from the database");
    }

    /// <summary>Runs a reconciliation of the channel over SOAP; returns its counts per class.</summary>
    private static async Task<IReadOnlyList<(string Class, long Count)>> ReconcileAsync(DeliveryWorld world, string channel)
    {
        var started = await world.SubmitAsync($"""<rec:StartReconciliation xmlns:rec="urn:erpbridge:reconciliation:v1"><rec:Channel>{channel}</rec:Channel></rec:StartReconciliation>""");
        var runId = (long)started.Xml.Descendants(Rec + "RunId").Single();
        XElement? report = null;
        await DeliveryWorld.EventuallyAsync(
            () =>
            {
                var response = world.SubmitAsync($"""<rec:GetReconciliationReport xmlns:rec="urn:erpbridge:reconciliation:v1"><rec:RunId>{runId}</rec:RunId><rec:MaxFindings>1</rec:MaxFindings></rec:GetReconciliationReport>""").GetAwaiter().GetResult();
                report = response.Xml.Descendants(Rec + "Run").Single();
                return (string?)report.Element(Rec + "Status") != "Running";
            },
            $"reconciliation run {runId} finished");
        Assert.That((string?)report!.Element(Rec + "Status"), Is.EqualTo("Completed"), report.ToString());
        return report.Element(Rec + "Counts")!.Elements(Rec + "Count")
            .Select(c => ((string)c.Element(Rec + "Class")!, (long)c.Element(Rec + "Number")!))
            .Where(c => c.Item2 > 0)
            .ToList();
    }
}
