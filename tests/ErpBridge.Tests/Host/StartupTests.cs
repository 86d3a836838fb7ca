using System.Diagnostics;
using System.Net;
using ErpBridge.Connectors;
using ErpBridge.Core.Routing;
using ErpBridge.Host;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.Host;

public sealed class StartupTests
{
    [Test]
    public async Task BuildAsync_DemoClientOnAllInterfaces_Refused()
    {
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:5999" }));
        Assert.That(app, Is.Null);
        Assert.That(errors, Has.One.Contains("demo client").And.Contains("0.0.0.0"));
    }

    [Test]
    public async Task BuildAsync_RealClientOverDemoKeepingDemoDigestPassword_RefusedOnAllInterfaces()
    {
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:5997",
            ["ErpBridge:Security:Clients:0:UserName"] = "sap-pi",
            ["ErpBridge:Security:Clients:0:PasswordHash"] = ErpBridge.Core.Security.SecretHash.Create("a-real-secret", 10_000),
            ["ErpBridge:Security:Clients:0:Demo"] = "false",
        }));

        Assert.That(app, Is.Null);
        Assert.That(errors, Has.One.StartsWith("ErpBridge:Security:Clients:0:").And.Contains("published credentials"));
    }

    [Test]
    public async Task BuildAsync_RealClientFullyConfigured_StartsOnAllInterfaces()
    {
        var database = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db");
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:0",
            ["ErpBridge:Storage:ConnectionString"] = $"Data Source={database}",
            ["ErpBridge:Logging:File"] = "",
            ["ErpBridge:Security:Clients:0:UserName"] = "sap-pi",
            ["ErpBridge:Security:Clients:0:PasswordHash"] = ErpBridge.Core.Security.SecretHash.Create("a-real-secret", 10_000),
            ["ErpBridge:Security:Clients:0:DigestPassword"] = "",
            ["ErpBridge:Security:Clients:0:Demo"] = "false",

            // Over the demo operator of Development, as the demo client: an operator of one's own.
            ["ErpBridge:Console:Operators:0:UserName"] = "anna",
            ["ErpBridge:Console:Operators:0:PasswordHash"] = ErpBridge.Core.Security.SecretHash.Create("a-real-operator-secret", 10_000),
            ["ErpBridge:Monitoring:TokenHashes:0"] = ErpBridge.Host.Monitoring.MetricsToken.Hash(ErpBridge.Host.Monitoring.MetricsToken.Create()),
        }));

        Assert.That(errors, Is.Empty);
        await app!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }
    }

    [TestCase("http://127.0.0.1:5080", true)]
    [TestCase("http://localhost:5080", true)]
    [TestCase("http://[::1]:5080", true)]
    [TestCase("http://0.0.0.0:5080", false)]
    [TestCase("http://*:5080", false)]
    [TestCase("http://+:5080", false)]
    [TestCase("http://10.1.2.3:5080", false)]
    public void IsLoopback_Url_Classified(string url, bool loopback)
    {
        Assert.That(ListenAddresses.IsLoopback(url), Is.EqualTo(loopback));
    }

    [Test]
    public async Task BuildAsync_BrokenConfiguration_EveryErrorNamesItsKey()
    {
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ErpBridge:Channels:shopify-demo:BaseUrl"] = "not a url",
            ["ErpBridge:Storage:Provider"] = "Oracle",
            ["ErpBridge:Soap:MaxMessageBytes"] = "10",
            ["ErpBridge:Security:Clients:0:PasswordHash"] = "plain",
        }));

        Assert.That(app, Is.Null);
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Channels:shopify-demo:BaseUrl:"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Storage:Provider:"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Soap:MaxMessageBytes:"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Security:Clients:0:PasswordHash:"));
    }

    [Test]
    public async Task BuildAsync_ShipmentModeUnknownOrOnTheWrongPlatform_RefusedNamingTheKey()
    {
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ErpBridge:Channels:woocommerce-demo:ShipmentMode"] = "Tracking",
            ["ErpBridge:Channels:shopify-demo:ShipmentMode"] = "Fulfillments",
        }));

        Assert.That(app, Is.Null);
        Assert.That(errors, Has.Some.EqualTo("ErpBridge:Channels:woocommerce-demo:ShipmentMode: 'Tracking' is not Fulfillments or CompleteOrder."));
        Assert.That(errors, Has.Some.EqualTo("ErpBridge:Channels:shopify-demo:ShipmentMode: only WooCommerce channels have a shipment mode."));
    }

    [Test]
    public async Task BuildAsync_ShipmentModeInAnyCase_Accepted()
    {
        using var folder = new TempFolder();
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ErpBridge:Channels:woocommerce-demo:ShipmentMode"] = "fulfillments",
            ["ErpBridge:Sandboxes:Enabled"] = "false",
            ["ErpBridge:Storage:ConnectionString"] = $"Data Source={folder.File("b.db")}",
            ["ErpBridge:Logging:File"] = "",
        }));

        Assert.That(errors, Is.Empty);
        await app!.DisposeAsync();
    }

    [Test]
    public async Task BuildAsync_ConnectorSettingsOutOfRange_RefusedNamingTheKey()
    {
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ErpBridge:Connectors:WooCommerce:SkuLookupBatchSize"] = "500",
            ["ErpBridge:Connectors:Shopify:RequestTimeout"] = "00:00:00",
            ["ErpBridge:Connectors:BigCommerce:MaxConnectionsPerChannel"] = "0",
            ["ErpBridge:Connectors:Magento:MaxRetryAfter"] = "-00:00:01",
        }));

        Assert.That(app, Is.Null);
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Connectors:WooCommerce:SkuLookupBatchSize: "));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Connectors:Shopify:RequestTimeout: "));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Connectors:BigCommerce:MaxConnectionsPerChannel: "));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Connectors:Magento:MaxRetryAfter: "));
        Assert.That(errors, Has.None.Contains("(Parameter"), "one line per problem, without the exception's parameter tail");
    }

    [Test]
    public async Task BuildAsync_ConnectorSettings_BoundForEveryPlatform()
    {
        using var folder = new TempFolder();
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ErpBridge:Connectors:Shopify:MaxRetryAfter"] = "00:01:00",
            ["ErpBridge:Connectors:BigCommerce:RequestTimeout"] = "00:00:12",
            ["ErpBridge:Connectors:Api2Cart:MaxConcurrentRequests"] = "3",
            ["ErpBridge:Sandboxes:Enabled"] = "false",
            ["ErpBridge:Storage:ConnectionString"] = $"Data Source={folder.File("b.db")}",
            ["ErpBridge:Logging:File"] = "",
        }));

        Assert.That(errors, Is.Empty);
        Assert.That(app, Is.Not.Null);
        await using (app)
        {
            var settings = app.Services.GetServices<IChannelConnectorFactory>().ToDictionary(f => f.Platform, StringComparer.OrdinalIgnoreCase);
            Assert.That(settings.Keys, Is.EquivalentTo(new[] { Platform.Shopify, Platform.BigCommerce, Platform.WooCommerce, Platform.Magento, Platform.Api2Cart, Platform.ZohoInventory, Platform.ShipStation }));
            var bound = HostSettings.Bind(app.Configuration, app.Environment.ContentRootPath).Connectors;
            Assert.That(bound.Shopify.MaxRetryAfter, Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(bound.BigCommerce.RequestTimeout, Is.EqualTo(TimeSpan.FromSeconds(12)));
            Assert.That(bound.Api2Cart.MaxConcurrentRequests, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Executable_DemoClientOnAllInterfaces_ExitsWithCode2AndSaysWhy()
    {
        var host = Path.Combine(AppContext.BaseDirectory, "ErpBridge.Host.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [host, "--urls", "http://0.0.0.0:5998"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        })!;
        var error = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.That(process.ExitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("demo client"));
    }

    [Test]
    public async Task Health_DatabaseReachable_200ThenReplacedDatabase_503()
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };

        var healthy = await http.GetAsync("health");
        Assert.That(healthy.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await healthy.Content.ReadAsStringAsync(), Does.Contain("reachable"));

        // The file is gone (a disk swapped, a volume unmounted): a new empty database is not ours.
        File.Delete(bridge.DatabasePath);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var unhealthy = await http.GetAsync("health");
        Assert.That(unhealthy.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await unhealthy.Content.ReadAsStringAsync(), Does.Contain("unreachable").And.Not.Contain("schema_migrations"));
    }

    [Test]
    public async Task Start_FreshFolder_CreatesDatabaseAndServesWsdl()
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var http = new HttpClient();
        var wsdl = await http.GetStringAsync(new Uri(bridge.ServiceAddress + "?wsdl"));

        Assert.That(File.Exists(bridge.DatabasePath), Is.True);
        Assert.That(wsdl, Does.Contain("ErpBridgeService").And.Contain(bridge.ServiceAddress.ToString()));
    }
}
