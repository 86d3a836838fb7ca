using System.Text.Json;
using ErpBridge.Host;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace ErpBridge.Tests.Host.Retention;

/// <summary>The purge as the host schedules it, and its last run in GET /status.</summary>
public sealed class PurgeStatusTests
{
    [Test]
    public async Task Status_AfterTheScheduledPurgeRan_ShowsItsLastRun()
    {
        using var folder = new TempFolder();
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ErpBridge:Storage:ConnectionString"] = $"Data Source={folder.File("status.db")}",
            ["ErpBridge:Logging:File"] = "",
            ["ErpBridge:Retention:Schedule"] = "00:00:00.200",
            ["ErpBridge:Retention:AcknowledgedOrders"] = "0",
        }));
        Assert.That(errors, Is.Empty);
        await using var running = app!;
        await running.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(BridgeHost.Addresses(running)[0]) };

        JsonElement purge = default;
        for (var i = 0; i < 150 && purge.ValueKind != JsonValueKind.Object; i++)
        {
            await Task.Delay(100);
            purge = JsonDocument.Parse(await http.GetStringAsync("/status")).RootElement.GetProperty("purge").Clone();
        }

        Assert.That(purge.ValueKind, Is.EqualTo(JsonValueKind.Object), "a purge ran within 15 s");
        Assert.That(purge.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(
            purge.GetProperty("kinds").EnumerateArray().Select(k => (k.GetProperty("kind").GetString(), k.GetProperty("rows").GetInt64())),
            Is.EqualTo(new (string?, long)[] { ("DeliveredMessages", 0), ("IdocAudits", 0), ("ReconciliationRuns", 0) }));
        await running.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
