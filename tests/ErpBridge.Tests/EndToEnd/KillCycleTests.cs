using System.Globalization;
using ErpBridge.Bench;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Store-side effects across kills (issue 14, requirement 9): the sandboxes run as their own process, the bridge as
/// another on a real SQLite file, and the bridge is killed with SIGKILL at least 20 times at random moments (some during
/// start-up, the rest while it accepts and delivers) and restarted each time while stock, products and shipments keep
/// coming; a message counts as accepted only once its receipt came back (an unanswered send is sent again under the
/// same MessageId, as an ERP does). A last bridge then runs undisturbed: every accepted message must be delivered, each
/// shipment exist exactly once on each store, each stock level equal the newest accepted value (by SentAt), and each
/// product exist once with its newest title. The same run with more cycles is <c>build.ps1 Bench -Scenario Kill</c>.
/// </summary>
[NonParallelizable]
public sealed class KillCycleTests
{
    private const int Cycles = 20;

    [Test]
    [CancelAfter(300_000)]
    public async Task SigkillCycles_WhileDelivering_EveryAcceptedMessageDeliveredOnceAndStoresHoldTheNewestValues(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Process.Kill is TerminateProcess on Windows; the run is about SIGKILL");
        }

        using var folder = new TempFolder();
        using var sandboxes = SandboxProcess.Start(
        [
            .. new[] { "Shopify", "BigCommerce", "WooCommerce", "Magento", "ZohoInventory", "ShipStation" }.Select(p => $"--ErpBridge:Sandboxes:{p}:Url=http://127.0.0.1:0"),
            "--ErpBridge:Sandboxes:Api2Cart:Url=http://127.0.0.1:0",
            "--ErpBridge:Sandboxes:Erp:Url=",
            "--ErpBridge:Sandboxes:SkuCount=100",
            "--ErpBridge:Sandboxes:RateLimits=false",
        ]);
        try
        {
            var served = await SandboxProcess.ReadServedAsync(sandboxes, 7);

            // Whatever the sandboxes log from now on is read and dropped, so that a full pipe never stalls them.
            _ = sandboxes.StandardOutput.ReadToEndAsync(CancellationToken.None);
            _ = sandboxes.StandardError.ReadToEndAsync(CancellationToken.None);
            var stores = new KillStores(served["Shopify"], served["BigCommerce"], served["WooCommerce"], served["Magento"]);
            var log = new StringWriter(CultureInfo.InvariantCulture);
            var settings = new KillSettings
            {
                Bridge = new BridgeStart("dotnet", [Path.Combine(AppContext.BaseDirectory, "ErpBridge.Host.dll")], BridgeSettings(folder, stores, served["API2Cart"], served["ZohoInventory"], served["ShipStation"]), folder.Path, folder.File("bridge-output.log")),
                Stores = stores,
                Database = folder.File("bridge.db"),
                Cycles = Cycles,
                Senders = 2,
                StockSkus = 20,
                Products = 5,
                Shipments = 40,
                MinUp = TimeSpan.FromMilliseconds(100),
                MaxUp = TimeSpan.FromMilliseconds(2000),
                DrainTimeout = TimeSpan.FromSeconds(90),
                Log = log,
            };

            var report = await KillRun.RunAsync(settings, cancellationToken);

            var printed = new StringWriter(CultureInfo.InvariantCulture);
            report.Print(printed);
            await TestContext.Out.WriteLineAsync(log.ToString() + printed);
            Assert.That(report.Cycles, Is.GreaterThanOrEqualTo(20));
            Assert.That(report.Cycles - report.StartupKills, Is.GreaterThan(0), "some kills came while the bridge was up");
            Assert.That(report.OrphanedClaims, Is.GreaterThan(0), "some kills came in the middle of a round (deliveries claimed, no outcome)");
            Assert.That(report.AcceptedStock, Is.GreaterThan(0), printed.ToString());
            Assert.That(report.AcceptedProducts, Is.GreaterThan(0), printed.ToString());
            Assert.That(report.AcceptedShipments, Is.GreaterThan(0), printed.ToString());
            Assert.That(report.Drained, Is.True, "every accepted message delivered after the last kill\n" + printed);
            Assert.That(report.Findings, Is.Empty, printed.ToString());
            Assert.That(report.Checks.ShipmentMarks, Is.EqualTo(5 * report.AcceptedShipments), "a mark per shipment on Shopify, BigCommerce and Magento, two on WooCommerce");
            Assert.That(report.Checks.StockLevels, Is.GreaterThan(0).And.LessThanOrEqualTo(4 * 20));
            Assert.That(report.Checks.Products, Is.GreaterThan(0).And.LessThanOrEqualTo(4 * 5));
        }
        finally
        {
            sandboxes.Kill(entireProcessTree: true);
            await sandboxes.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The bridge as the tests run it (Development: the demo client, channels and routes), on its own SQLite file, with
    /// the demo channels pointed at the sandboxes' process. Short leases and polls so that claims a killed process left
    /// are taken over within seconds; no order polling or reconciliation in the way.
    /// </summary>
    private static Dictionary<string, string> BridgeSettings(TempFolder folder, KillStores stores, Uri api2Cart, Uri zoho, Uri shipStation) => new()
    {
        ["urls"] = "http://127.0.0.1:0",
        ["ErpBridge__Storage__ConnectionString"] = $"Data Source={folder.File("bridge.db")}",
        ["ErpBridge__Logging__File"] = folder.File("logs/bridge-.clef"),
        ["ErpBridge__Logging__MinimumLevel"] = "Warning",
        ["ErpBridge__Sandboxes__Enabled"] = "false",
        ["ErpBridge__Orders__Enabled"] = "false",
        ["ErpBridge__Reconciliation__Enabled"] = "false",
        ["ErpBridge__Delivery__PollInterval"] = "00:00:00.250",
        ["ErpBridge__Delivery__LeaseDuration"] = "00:00:05",
        ["ErpBridge__Delivery__BackoffBase"] = "00:00:00.250",
        ["ErpBridge__Delivery__BackoffMax"] = "00:00:02",
        ["ErpBridge__Channels__shopify-demo__BaseUrl"] = stores.Shopify.ToString(),
        ["ErpBridge__Channels__bigcommerce-demo__BaseUrl"] = stores.BigCommerce.ToString(),
        ["ErpBridge__Channels__woocommerce-demo__BaseUrl"] = stores.WooCommerce.ToString(),
        ["ErpBridge__Channels__magento-demo__BaseUrl"] = stores.Magento.ToString(),
        ["ErpBridge__Channels__api2cart-demo__BaseUrl"] = new Uri(api2Cart, "v1.1/").ToString(),
        ["ErpBridge__Channels__zoho-demo__BaseUrl"] = new Uri(zoho, "inventory/v1/").ToString(),
        ["ErpBridge__Channels__zoho-demo__AccountsUrl"] = zoho.ToString(),

        // The kill cycle counts the stores' effects: web orders are not forwarded to the shipping channel here.
        ["ErpBridge__Channels__shipstation-demo__BaseUrl"] = shipStation.ToString(),
        ["ErpBridge__Routes__Orders__0"] = " ",
    };
}
