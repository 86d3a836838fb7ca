using ErpBridge.Core.Delivery;
using ErpBridge.Host.Alerts;
using ErpBridge.Storage;
using ErpBridge.Tests.Storage;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.Alerts;

/// <summary>
/// Issue 17 on PostgreSQL (skipped without ERPBRIDGE_TEST_POSTGRES outside CI, like the storage suite): the host's
/// alert loop and a second node's checks and sender, both working on one database at once, alert a pause once and
/// send it once.
/// </summary>
[NonParallelizable]
public sealed class AlertPostgreSqlTests
{
    private const string Secret = "whsec_pg_0123456789abcdef";

    [Test]
    public async Task TwoNodesOnOneDatabase_APauseIsAlertedOnce_AndSentOnce()
    {
        await using var database = await StorageDatabase.CreateAsync(new StorageTarget("PostgreSql"), throughVersion: 0);
        await using var receiver = await AlertReceiver.StartAsync();
        await using var bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?>
        {
            ["ErpBridge:Storage:Provider"] = StorageOptions.PostgreSql,
            ["ErpBridge:Storage:ConnectionString"] = database.Options.ConnectionString,
            ["ErpBridge:Alerts:Webhooks:ops:Url"] = receiver.Url.ToString(),
            ["ErpBridge:Alerts:Webhooks:ops:Secret"] = Secret,
            ["ErpBridge:Alerts:Webhooks:ops:AllowHttp"] = "true",
            ["ErpBridge:Alerts:SendInterval"] = "00:00:00.100",
            ["ErpBridge:Alerts:CheckInterval"] = "00:00:00.100",
        });
        var services = bridge.App.Services;
        var otherChecks = ActivatorUtilities.CreateInstance<AlertChecks>(services);
        using var otherSender = ActivatorUtilities.CreateInstance<AlertSender>(services);
        var now = TimeProvider.System.GetUtcNow();

        await services.GetRequiredService<IDeliveryStore>().PauseChannelAsync(new ChannelPause("shopify-demo", PauseKind.Operator, "two nodes", now, null), CancellationToken.None);
        var deadline = now + TimeSpan.FromSeconds(30);
        while (receiver.Taken.Count == 0 && TimeProvider.System.GetUtcNow() < deadline)
        {
            // The second node races the host's own loop for the same change and the same outbox rows.
            await otherChecks.RunAsync(CancellationToken.None);
            await otherSender.SendDueAsync(CancellationToken.None);
        }

        for (var i = 0; i < 10; i++)
        {
            await otherChecks.RunAsync(CancellationToken.None);
            await otherSender.SendDueAsync(CancellationToken.None);
            await Task.Delay(100);
        }

        Assert.That(receiver.Taken, Has.Count.EqualTo(1), string.Join("\n", receiver.Requests.Select(r => r.Body)));
        Assert.That(receiver.Requests, Has.Count.EqualTo(1), "sent by one node only");
        var alert = receiver.Taken[0];
        Assert.That((alert.Event, alert.Json.GetProperty("channel").GetString()), Is.EqualTo(("channel.paused", "shopify-demo")));
        Assert.That(ReceiverSignature.Verify(Secret, alert.Signature, alert.Body, TimeProvider.System.GetUtcNow()), Is.True);
    }
}
