using System.Net;
using System.Text.Json;
using ErpBridge.Core.Security;
using ErpBridge.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Tests.Host;

/// <summary>
/// The Production environment with the shipped appsettings.json: no client, no channel, no route, no sandbox. The bridge
/// starts and serves its contract, says in its log what is missing, and refuses submissions instead of storing them
/// for nowhere.
/// </summary>
public sealed class ProductionStartupTests
{
    private const string Client = "sap-pi";
    private const string ClientPassword = "a-real-secret";

    [Test]
    public async Task Start_ProductionDefaults_ServesWsdlWarnsAndRefusesEverySubmission()
    {
        await using var bridge = await StartProductionAsync();
        using var http = new HttpClient();
        using var client = new SoapClient(bridge.ServiceAddress);

        var wsdl = await http.GetAsync(new Uri(bridge.ServiceAddress + "?wsdl"));
        var withDemoCredentials = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId())));
        await bridge.App.StopAsync();

        Assert.That(wsdl.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await wsdl.Content.ReadAsStringAsync(), Does.Contain("ErpBridgeService"));
        Assert.That(withDemoCredentials.FaultCode, Is.EqualTo("AuthenticationFailed"), withDemoCredentials.Body);
        Assert.That(withDemoCredentials.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(StoredMessages(bridge), Is.Zero);
        Assert.That(Warnings(bridge), Has.Some.StartsWith("No ERP client is configured (ErpBridge:Security:Clients)"));
        Assert.That(Warnings(bridge), Has.Some.StartsWith("No channel is configured (ErpBridge:Channels)"));
        Assert.That(Warnings(bridge), Has.Some.StartsWith("No route names a channel (ErpBridge:Routes)"));
    }

    [Test]
    public async Task Submit_ProductionWithClientButNoRoute_NoRouteFaultAndNothingStored()
    {
        await using var bridge = await StartProductionAsync(new Dictionary<string, string?>
        {
            ["ErpBridge:Security:Clients:0:UserName"] = Client,
            ["ErpBridge:Security:Clients:0:PasswordHash"] = SecretHash.Create(ClientPassword, 10_000),
        });
        using var client = new SoapClient(bridge.ServiceAddress);
        var token = Envelopes.PasswordToken(Client, ClientPassword);

        var inventory = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), token));
        var products = await client.PostAsync(Envelopes.Wrap(Envelopes.Products(Envelopes.NewId()), token));
        var document = await client.PostAsync(Envelopes.Wrap(Envelopes.Document(Envelopes.NewId(), "MATMAS05"), token));
        await bridge.App.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(inventory.FaultCode, Is.EqualTo("NoRoute"), inventory.Body);
            Assert.That(inventory.SoapFaultCode, Is.EqualTo("s:Client"));
            Assert.That(inventory.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(inventory.Receipt, Is.Null);
            Assert.That(inventory.FaultReason, Does.Contain("ErpBridge:Routes:Inventory"));
            Assert.That(products.FaultCode, Is.EqualTo("NoRoute"), products.Body);
            Assert.That(products.FaultReason, Does.Contain("ErpBridge:Routes:Products"));
            Assert.That(document.FaultCode, Is.EqualTo("NoRoute"), document.Body);
            Assert.That(document.FaultReason, Does.Contain("MATMAS05").And.Contain("ErpBridge:Routes:Products"));
        });
        Assert.That(StoredMessages(bridge), Is.Zero);
        Assert.That(Warnings(bridge), Has.None.StartsWith("No ERP client"));
        Assert.That(Warnings(bridge), Has.Some.StartsWith("No route names a channel"));
    }

    /// <summary>The shipped files as they are: delivery and order polling on (the fixture's test defaults turn them off).</summary>
    private static Task<BridgeFixture> StartProductionAsync(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["ErpBridge:Delivery:Enabled"] = "true";
        settings["ErpBridge:Orders:Enabled"] = "true";
        return BridgeFixture.StartAsync(settings, environment: "Production");
    }

    private static List<string> Warnings(BridgeFixture bridge) =>
        bridge.ReadLogs().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.TryGetProperty("@l", out var level) && level.GetString() == "Warning" && line.TryGetProperty("ConfigurationGap", out _))
            .Select(line => line.GetProperty("@m").GetString()!)
            .ToList();

    private static long StoredMessages(BridgeFixture bridge)
    {
        using var connection = new SqliteConnection($"Data Source={bridge.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM messages";
        return (long)command.ExecuteScalar()!;
    }
}
