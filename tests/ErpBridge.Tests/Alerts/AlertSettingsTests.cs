using ErpBridge.Host;
using ErpBridge.Host.Alerts;
using Microsoft.Extensions.Configuration;

namespace ErpBridge.Tests.Alerts;

/// <summary>ErpBridge:Alerts: bound with webhooks by name, checked at start naming the key, never echoing a secret or a URL.</summary>
public sealed class AlertSettingsTests
{
    [Test]
    public async Task BuildAsync_BadWebhooksAndThresholds_RefusedNamingTheKey_WithoutTheSecretOrUrl()
    {
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ErpBridge:Alerts:Webhooks:pager:Url"] = "http://alerts.example/hooks/T000/secret-path",
            ["ErpBridge:Alerts:Webhooks:pager:Secret"] = "short-secret",
            ["ErpBridge:Alerts:Webhooks:chat:Secret"] = "a-long-enough-shared-secret",
            ["ErpBridge:Alerts:ReconciliationDriftShare"] = "1.5",
            ["ErpBridge:Alerts:OrderPollingLag"] = "00:00:00",
            ["ErpBridge:Alerts:BackoffBase"] = "00:01:00",
            ["ErpBridge:Alerts:BackoffMax"] = "00:00:10",
        }));

        Assert.That(app, Is.Null);
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Alerts:Webhooks:pager:Url is plain http"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Alerts:Webhooks:pager:Secret must be at least 16 characters"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Alerts:Webhooks:chat:Url must be an absolute https URL"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Alerts:ReconciliationDriftShare must be between 0 and 1"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Alerts:OrderPollingLag:"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Alerts:BackoffMax must be at least BackoffBase"));
        Assert.That(string.Join("\n", errors), Does.Not.Contain("short-secret").And.Not.Contain("secret-path"));
    }

    [Test]
    public void Bind_WebhooksByName_EventsAndThresholds_DefaultsElsewhere()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ErpBridge:Alerts:Webhooks:Pager:Url"] = "https://events.example/v2/enqueue",
            ["ErpBridge:Alerts:Webhooks:Pager:Secret"] = "a-long-enough-shared-secret",
            ["ErpBridge:Alerts:Webhooks:Pager:Events:0"] = "ChannelPaused",
            ["ErpBridge:Alerts:Webhooks:Pager:Events:1"] = "OrderPollingBehind",
            ["ErpBridge:Alerts:ReconciliationDriftCount"] = "25",
        }).Build();

        var alerts = HostSettings.Bind(configuration, AppContext.BaseDirectory).Alerts;

        Assert.That(alerts.Enabled, Is.True);
        var pager = alerts.Webhooks["pager"];
        Assert.That(pager.Events, Is.EqualTo(new[] { AlertKind.ChannelPaused, AlertKind.OrderPollingBehind }));
        Assert.That((pager.Takes(AlertKind.ChannelPaused), pager.Takes(AlertKind.DeadLetter)), Is.EqualTo((true, false)));
        Assert.That(new AlertWebhookOptions().Takes(AlertKind.DeadLetter), Is.True, "no Events: every kind");
        Assert.That((alerts.ReconciliationDriftCount, alerts.ReconciliationDriftShare, alerts.OrderPollingLag, alerts.DeadLetterInterval), Is.EqualTo((25, 0d, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5))));
        Assert.That(alerts.Validate(), Is.Empty);
        Assert.That(HostSettings.Bind(new ConfigurationBuilder().Build(), AppContext.BaseDirectory).Alerts.Enabled, Is.False, "no webhook: alerts off");
    }

    [Test]
    public void Sign_IsHmacSha256OverTimestampDotBody_InStripesHeaderShape()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_765_000_000);

        var header = AlertSignature.Sign("whsec_test_0123456789abcdef", at, """{"id":"x"}""");

        // Computed apart: printf '%s' '1765000000.{"id":"x"}' | openssl dgst -sha256 -hmac 'whsec_test_0123456789abcdef'
        Assert.That(header, Is.EqualTo("t=1765000000,v1=60917a534aa04c36cae3b396b5097e1f7e05ccad29da7b5d29134ac46d4f29df"));
        Assert.That(ReceiverSignature.Verify("whsec_test_0123456789abcdef", header, """{"id":"x"}""", at), Is.True);
        Assert.That(ReceiverSignature.Verify("whsec_test_0123456789abcdef", header, """{"id":"y"}""", at), Is.False);
    }
}
