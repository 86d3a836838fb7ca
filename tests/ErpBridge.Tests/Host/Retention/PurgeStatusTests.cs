using System.Text.Json;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Host.Retention;

/// <summary>The purge as the host schedules it, and its last run in GET /status.</summary>
public sealed class PurgeStatusTests
{
    [Test]
    public async Task Status_AfterTheScheduledPurgeRan_ShowsItsLastRun()
    {
        await using var bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?>
        {
            ["ErpBridge:Retention:Schedule"] = "00:00:00.200",
            ["ErpBridge:Retention:AcknowledgedOrders"] = "0",
        });
        using var http = bridge.MonitoringClient();

        JsonElement purge = default;
        for (var i = 0; i < 150 && purge.ValueKind != JsonValueKind.Object; i++)
        {
            await Task.Delay(100);
            purge = JsonDocument.Parse(await http.GetStringAsync("status")).RootElement.GetProperty("purge").Clone();
        }

        Assert.That(purge.ValueKind, Is.EqualTo(JsonValueKind.Object), "a purge ran within 15 s");
        Assert.That(purge.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(
            purge.GetProperty("kinds").EnumerateArray().Select(k => (k.GetProperty("kind").GetString(), k.GetProperty("rows").GetInt64())),
            Is.EqualTo(new (string?, long)[] { ("DeliveredMessages", 0), ("IdocAudits", 0), ("ReconciliationRuns", 0) }));
        Assert.That(bridge.ReadLogs(), Does.Contain("\"Kind\":\"DeliveredMessages\",\"Rows\":0"), "each kind is logged with its rows");
    }
}
