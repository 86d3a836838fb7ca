using Dapper;
using ErpBridge.Core.Alerts;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Host.Alerts;
using ErpBridge.Orders;
using ErpBridge.Reconciliation;
using ErpBridge.Tests.EndToEnd;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ErpBridge.Tests.Alerts;

/// <summary>
/// Issue 17, section 4, on real parts: the bridge with its platform sandboxes and an alert receiver on real Kestrel.
/// Each of the four events reaches the receiver signed with the shared secret; a receiver that fails first gets the
/// alert again and takes it once; a dead-letter storm comes as a few alerts; an alert not sent before a restart is
/// sent after it; nothing is recorded or sent without webhooks.
/// </summary>
[NonParallelizable]
public sealed class AlertWebhookTests
{
    private const string Secret = "whsec_test_0123456789abcdef";
    private static readonly TimeSpan DeadLetterInterval = TimeSpan.FromSeconds(3);

    [Test]
    public async Task OperatorPause_ReachesTheReceiverSigned_AndItsResumeComesResolved()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var world = await DeliveryWorld.StartAsync(Settings(receiver));

        var pause = await world.RunOperatorAsync("channels", "pause", DeliveryWorld.WooCommerceChannel, "--reason", "store migration tonight");
        var paused = await ReceiveAsync(receiver, "channel.paused", DeliveryWorld.WooCommerceChannel);
        var resume = await world.RunOperatorAsync("channels", "resume", DeliveryWorld.WooCommerceChannel);
        var resumed = await ReceiveAsync(receiver, "channel.resumed", DeliveryWorld.WooCommerceChannel);

        Assert.That((pause.Code, resume.Code), Is.EqualTo((0, 0)), pause.Error + resume.Error);
        AssertSigned(paused);
        AssertSigned(resumed);
        var body = paused.Json;
        Assert.That(body.GetProperty("id").GetString(), Is.EqualTo(paused.AlertId));
        Assert.That(paused.Event, Is.EqualTo("channel.paused"));
        Assert.That(paused.ContentType, Does.StartWith("application/json"));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("firing"));
        Assert.That(body.GetProperty("severity").GetString(), Is.EqualTo("warning"));
        Assert.That(body.GetProperty("summary").GetString(), Does.Contain("paused by an operator: store migration tonight"));
        Assert.That(body.GetProperty("details").GetProperty("pausedBy").GetString(), Is.EqualTo("Operator"));
        Assert.That(body.GetProperty("details").GetProperty("automatic").GetBoolean(), Is.False);
        Assert.That(DateTimeOffset.Parse(body.GetProperty("occurredAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(TimeProvider.System.GetUtcNow()).Within(TimeSpan.FromMinutes(1)));
        Assert.That(resumed.Json.GetProperty("status").GetString(), Is.EqualTo("resolved"));
        Assert.That(resumed.AlertId, Is.Not.EqualTo(paused.AlertId));
        Assert.That(Received(receiver, "channel.paused"), Has.Count.EqualTo(1), "one pause, one alert, however many checks ran");
    }

    [Test]
    public async Task StoreRefusesTheCredentials_TheAutomaticPauseAlertsCritical_SayingWhy()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var world = await DeliveryWorld.StartAsync(Settings(receiver));
        world.Shopify.FailNext(100_000, 401);

        await world.SubmitAsync(DeliveryWorld.Stock("ALERT-401", TimeProvider.System.GetUtcNow(), ("E2E-001", 7)));
        var paused = await ReceiveAsync(receiver, "channel.paused", DeliveryWorld.ShopifyChannel);

        AssertSigned(paused);
        Assert.That(paused.Json.GetProperty("severity").GetString(), Is.EqualTo("critical"));
        Assert.That(paused.Json.GetProperty("details").GetProperty("pausedBy").GetString(), Is.EqualTo("Credentials"));
        Assert.That(paused.Json.GetProperty("details").GetProperty("automatic").GetBoolean(), Is.True);
        Assert.That(paused.Json.GetProperty("details").GetProperty("reason").GetString(), Does.StartWith("authentication failed (401"));
        Assert.That(paused.Body, Does.Not.Contain(DeliveryWorld.ShopifyToken), "no credential in an alert");
    }

    [Test]
    public async Task DeadLetterStorm_ComesAsOneAlertPerChannelPerInterval_WithTheCountAndAFewMessageIds()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var pager = await AlertReceiver.StartAsync();
        var settings = Settings(receiver);
        settings["ErpBridge:Alerts:Webhooks:pager:Url"] = pager.Url.ToString();
        settings["ErpBridge:Alerts:Webhooks:pager:Secret"] = Secret;
        settings["ErpBridge:Alerts:Webhooks:pager:AllowHttp"] = "true";
        settings["ErpBridge:Alerts:Webhooks:pager:Events:0"] = "ChannelPaused";
        const int storm = 40;

        // A SKU of its own per message: messages of one SKU in one round would supersede each other, not dead-letter.
        await using var world = await DeliveryWorld.StartAsync(settings, Enumerable.Range(1, storm).Select(i => $"E2E-{i:D3}"));
        world.BigCommerce.FailNext(100_000, 400); // refused for good: every stock message to BigCommerce is a dead letter

        var started = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < storm; i++)
        {
            await world.SubmitAsync(DeliveryWorld.Stock($"STORM-{i:D3}", TimeProvider.System.GetUtcNow(), ($"E2E-{i + 1:D3}", i)));
        }

        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(60);
        while (Received(receiver, "delivery.dead_lettered").Sum(a => a.Json.GetProperty("details").GetProperty("count").GetInt32()) < storm)
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                var dead = await world.RunOperatorAsync("dead-letters");
                Assert.Fail($"Not within 60 s: every dead letter counted in an alert. Received: {string.Join("; ", receiver.Requests.Select(r => r.Body))}. Dead letters: {dead.Output}");
            }

            await Task.Delay(100);
        }

        var elapsed = TimeProvider.System.GetUtcNow() - started;
        var alerts = Received(receiver, "delivery.dead_lettered");

        Assert.That(alerts.Select(a => a.Json.GetProperty("channel").GetString()), Is.All.EqualTo(DeliveryWorld.BigCommerceChannel));
        Assert.That(alerts.Sum(a => a.Json.GetProperty("details").GetProperty("count").GetInt32()), Is.EqualTo(storm), "each dead letter counted once");
        Assert.That(alerts, Has.Count.LessThanOrEqualTo((int)(elapsed / DeadLetterInterval) + 1), $"at most one per {DeadLetterInterval} (over {elapsed})");
        Assert.That(alerts, Has.Count.LessThan(storm / 4));
        foreach (var alert in alerts)
        {
            AssertSigned(alert);
            var ids = alert.Json.GetProperty("details").GetProperty("messageIds").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.That(ids, Has.Count.InRange(1, DeadLetterAlerts.SampleSize).And.All.StartWith("STORM-"));
            Assert.That(alert.Json.GetProperty("severity").GetString(), Is.EqualTo("error"));
        }

        Assert.That(pager.Requests, Is.Empty, "a webhook that takes only pauses gets no dead letters");
    }

    [Test]
    public async Task ReconciliationRun_AboveTheDriftThreshold_Alerts_ARunWithoutDriftDoesNot()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var world = await DeliveryWorld.StartAsync(Settings(receiver));
        var channel = DeliveryWorld.BigCommerceChannel;
        await world.SubmitAsync(DeliveryWorld.Stock("ALERT-REC", TimeProvider.System.GetUtcNow().AddMinutes(-5), ("E2E-001", 10), ("E2E-002", 20), ("E2E-003", 30)));
        await world.WaitForAsync("ALERT-REC", "Delivered");

        var clean = await ReconcileAsync(world, channel);
        await Task.Delay(TimeSpan.FromSeconds(1)); // several checks see the clean run
        world.BigCommerce.SetStock([("E2E-002", DeliveryWorld.Location, 99)]);
        var drifting = await ReconcileAsync(world, channel);
        var alert = await ReceiveAsync(receiver, "reconciliation.drift", channel);

        Assert.That(clean.Status, Is.EqualTo(ReconciliationStatus.Completed));
        AssertSigned(alert);
        var details = alert.Json.GetProperty("details");
        Assert.That(details.GetProperty("runId").GetInt64(), Is.EqualTo(drifting.RunId), "the clean run alerted nothing");
        Assert.That(details.GetProperty("drifted").GetInt64(), Is.EqualTo(1));
        Assert.That(details.GetProperty("counts").GetProperty("Drift").GetInt64(), Is.EqualTo(1));
        Assert.That(alert.Json.GetProperty("summary").GetString(), Does.Contain($"run {drifting.RunId} found 1 of"));
        Assert.That(Received(receiver, "reconciliation.drift"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task OrderPollingBehind_AlertsOnce_AndResolvesWhenAPollSucceeds()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        var settings = Settings(receiver);
        settings["ErpBridge:Orders:Enabled"] = "true";
        settings["ErpBridge:Orders:Cron"] = "0 0 0 1 1 ? 2099"; // polled once at the start, then not on its own
        settings["ErpBridge:Alerts:OrderPollingLag"] = "00:00:02";
        foreach (var other in new[] { DeliveryWorld.BigCommerceChannel, DeliveryWorld.WooCommerceChannel, DeliveryWorld.MagentoChannel, DeliveryWorld.Api2CartChannel })
        {
            settings[$"ErpBridge:Orders:Channels:{other}:Enabled"] = "false";
        }

        await using var world = await DeliveryWorld.StartAsync(settings);

        var behind = await ReceiveAsync(receiver, "orders.polling_behind", DeliveryWorld.ShopifyChannel);
        await Task.Delay(TimeSpan.FromSeconds(1)); // more checks while it stays behind
        await world.Bridge.App.Services.GetRequiredService<OrderPoller>().PollAsync(DeliveryWorld.ShopifyChannel, CancellationToken.None);
        var resolved = await ReceiveAsync(receiver, "orders.polling_resolved", DeliveryWorld.ShopifyChannel);

        AssertSigned(behind);
        AssertSigned(resolved);
        Assert.That(behind.Json.GetProperty("details").GetProperty("lagSeconds").GetInt64(), Is.GreaterThanOrEqualTo(2));
        Assert.That(behind.Json.GetProperty("details").GetProperty("thresholdSeconds").GetInt64(), Is.EqualTo(2));
        Assert.That(resolved.Json.GetProperty("status").GetString(), Is.EqualTo("resolved"));
        Assert.That(Received(receiver, "orders.polling_behind"), Has.Count.EqualTo(1), "alerted once while behind");
        Assert.That(receiver.Taken.Select(r => r.Json.GetProperty("channel").GetString()), Is.All.EqualTo(DeliveryWorld.ShopifyChannel), "only polled channels are checked");
    }

    [Test]
    public async Task ReceiverFailingFirst_GetsTheAlertAgain_AndTakesItOnce()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.FailFirst = 3;
        await using var world = await DeliveryWorld.StartAsync(Settings(receiver));

        await world.RunOperatorAsync("channels", "pause", DeliveryWorld.MagentoChannel, "--reason", "retry test");
        var taken = await ReceiveAsync(receiver, "channel.paused", DeliveryWorld.MagentoChannel);

        var attempts = receiver.Requests.Where(r => r.AlertId == taken.AlertId).ToList();
        Assert.That(attempts.Select(a => a.Status), Is.EqualTo(new[] { 500, 500, 500, 200 }), "three refusals, then taken, then never again");
        Assert.That(attempts.Select(a => a.Body).Distinct().Count(), Is.EqualTo(1), "the same body on every attempt");
        Assert.That(attempts.Select(a => ReceiverSignature.Verify(Secret, a.Signature, a.Body, TimeProvider.System.GetUtcNow())), Is.All.True, "each attempt signed afresh");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(receiver.Taken.Count(r => r.AlertId == taken.AlertId), Is.EqualTo(1));
        Assert.That(world.Bridge.ReadLogs(), Does.Contain("not taken").And.Not.Contain(receiver.Url.AbsolutePath).And.Not.Contain(Secret), "failures are logged by webhook name, never its URL or secret");
    }

    [Test]
    public async Task Signature_FailsForATamperedBody_AWrongSecretOrAnOldTimestamp()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var world = await DeliveryWorld.StartAsync(Settings(receiver));
        await world.RunOperatorAsync("channels", "pause", DeliveryWorld.WooCommerceChannel, "--reason", "signature test");
        var alert = await ReceiveAsync(receiver, "channel.paused", DeliveryWorld.WooCommerceChannel);
        var now = TimeProvider.System.GetUtcNow();

        Assert.That(ReceiverSignature.Verify(Secret, alert.Signature, alert.Body, now), Is.True);
        Assert.That(ReceiverSignature.Verify(Secret, alert.Signature, alert.Body.Replace("signature test", "signature TEST", StringComparison.Ordinal), now), Is.False, "tampered body");
        Assert.That(ReceiverSignature.Verify("whsec_some_other_secret_000", alert.Signature, alert.Body, now), Is.False, "wrong secret");
        Assert.That(ReceiverSignature.Verify(Secret, alert.Signature, alert.Body, now.AddMinutes(10)), Is.False, "replayed later");
        Assert.That(alert.Signature, Does.Match("^t=[0-9]+,v1=[0-9a-f]{64}$"));
    }

    [Test]
    public async Task AlertNotSentBeforeARestart_IsSentAfterIt_OnceWithItsId()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.FailFirst = int.MaxValue; // down
        await using var world = await DeliveryWorld.StartAsync(Settings(receiver));

        await world.RunOperatorAsync("channels", "pause", DeliveryWorld.WooCommerceChannel, "--reason", "restart test");
        await DeliveryWorld.EventuallyAsync(() => !receiver.Requests.IsEmpty, "a first attempt refused");
        await world.StopBridgeAsync();
        var refusedId = receiver.Requests.First().AlertId;
        receiver.FailFirst = 0; // back up
        await world.StartBridgeAsync();
        var taken = await ReceiveAsync(receiver, "channel.paused", DeliveryWorld.WooCommerceChannel);
        await Task.Delay(TimeSpan.FromSeconds(1)); // more checks after the restart

        Assert.That(taken.AlertId, Is.EqualTo(refusedId), "the outbox row, not a new alert");
        Assert.That(receiver.Taken.Count(r => r.Event == "channel.paused"), Is.EqualTo(1), "the restarted bridge did not alert the same pause again");
        AssertSigned(taken);
    }

    [Test]
    public async Task NoWebhookConfigured_NothingIsRecordedOrSent()
    {
        await using var world = await DeliveryWorld.StartAsync();
        world.BigCommerce.FailNext(100_000, 400);

        await world.RunOperatorAsync("channels", "pause", DeliveryWorld.WooCommerceChannel, "--reason", "no alerts");
        await world.SubmitAsync(DeliveryWorld.Stock("QUIET-1", TimeProvider.System.GetUtcNow(), ("E2E-001", 1)));
        await world.WaitForAsync("QUIET-1", "Failed", "Pending", "Delivered");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var services = world.Bridge.App.Services;
        Assert.That(services.GetService<IAlertSink>(), Is.Null, "the delivery rounds report to no sink");
        Assert.That(services.GetServices<IHostedService>().OfType<AlertService>(), Is.Empty);
        await using var connection = new SqliteConnection(world.Settings["ErpBridge:Storage:ConnectionString"]);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM alerts"), Is.Zero);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM alert_states"), Is.Zero);
    }

    private static Dictionary<string, string?> Settings(AlertReceiver receiver) => new()
    {
        ["ErpBridge:Alerts:Webhooks:ops:Url"] = receiver.Url.ToString(),
        ["ErpBridge:Alerts:Webhooks:ops:Secret"] = Secret,
        ["ErpBridge:Alerts:Webhooks:ops:AllowHttp"] = "true",
        ["ErpBridge:Alerts:SendInterval"] = "00:00:00.200",
        ["ErpBridge:Alerts:CheckInterval"] = "00:00:00.300",
        ["ErpBridge:Alerts:BackoffBase"] = "00:00:00.200",
        ["ErpBridge:Alerts:BackoffMax"] = "00:00:00.500",
        ["ErpBridge:Alerts:DeadLetterInterval"] = DeadLetterInterval.ToString(),
    };

    private static async Task<ReconciliationRun> ReconcileAsync(DeliveryWorld world, string channel)
    {
        var services = world.Bridge.App.Services;
        var (run, _) = await services.GetRequiredService<IReconciliationStore>().StartAsync(channel, "test", heal: false, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        return await services.GetRequiredService<ReconciliationRunner>().RunAsync(run.RunId, CancellationToken.None);
    }

    /// <summary>The first alert of <paramref name="eventName"/> for <paramref name="channel"/> the receiver took.</summary>
    private static async Task<ReceivedAlert> ReceiveAsync(AlertReceiver receiver, string eventName, string channel)
    {
        ReceivedAlert? found = null;
        await DeliveryWorld.EventuallyAsync(
            () => (found = Received(receiver, eventName).FirstOrDefault(a => a.Json.GetProperty("channel").GetString() == channel)) is not null,
            $"{eventName} of {channel} received");
        return found!;
    }

    private static List<ReceivedAlert> Received(AlertReceiver receiver, string eventName) =>
        receiver.Taken.Where(a => a.Json.GetProperty("event").GetString() == eventName).ToList();

    private static void AssertSigned(ReceivedAlert alert) =>
        Assert.That(ReceiverSignature.Verify(Secret, alert.Signature, alert.Body, TimeProvider.System.GetUtcNow()), Is.True, $"signature {alert.Signature} of {alert.Body}");
}
