using System.Net;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Host;

/// <summary>With SqliteSynchronous=Full, receipts wait for the write-ahead log to be synced, and a failed sync stops the store.</summary>
public sealed class DurabilityTests
{
    [Test]
    public async Task UriDataSource_LogFoundAndSynced_Accepted()
    {
        using var folder = new TempFolder();
        await using var bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Storage:ConnectionString"] = $"Data Source=file:{folder.Path}/uri.db?cache=private" });
        using var client = new SoapClient(bridge.ServiceAddress);

        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId())));

        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        Assert.That(File.Exists(folder.File("uri.db-wal")), Is.True);
    }

    [Test]
    public async Task LogVanishes_AcceptFailsThenStoreStopsAndHealthSays503()
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var client = new SoapClient(bridge.ServiceAddress);
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };
        var first = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId())));
        Assert.That(first.ReceiptStatus, Is.EqualTo("Accepted"), first.Body);

        // The log file disappears under the running store (a volume gone): its sync fails, and no receipt may claim durability.
        File.Delete(bridge.DatabasePath + "-wal");
        var unsynced = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId())));
        var after = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId())));
        var health = await http.GetAsync("health");

        Assert.That(unsynced.FaultCode, Is.EqualTo("InternalError"), unsynced.Body);
        Assert.That(after.FaultCode, Is.EqualTo("InternalError"), after.Body);
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(bridge.ReadLogs(), Does.Contain("Syncing the write-ahead log"));
    }
}
