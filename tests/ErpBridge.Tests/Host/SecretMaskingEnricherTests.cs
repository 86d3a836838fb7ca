using ErpBridge.Host;
using Serilog.Events;
using Serilog.Parsing;

namespace ErpBridge.Tests.Host;

/// <summary>The log's last line of defence: properties named like secrets, and request query strings, are masked.</summary>
public sealed class SecretMaskingEnricherTests
{
    [Test]
    public void SecretNamedPropertiesAndQueryStrings_AreMasked_OthersKept()
    {
        var logEvent = new LogEvent(
            new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero),
            LogEventLevel.Debug,
            null,
            new MessageTemplateParser().Parse("Request starting {Method} {Path}{QueryString}"),
            [
                new LogEventProperty("Method", new ScalarValue("POST")),
                new LogEventProperty("Path", new ScalarValue("/webhooks/shipping/shipstation-demo")),
                new LogEventProperty("QueryString", new ScalarValue("?key=a-webhook-secret-of-the-channel")),
                new LogEventProperty("ApiKey", new ScalarValue("a2c_live_key")),
            ]);

        new SecretMaskingEnricher().Enrich(logEvent, null!);

        Assert.That(logEvent.RenderMessage(), Does.Not.Contain("a-webhook-secret").And.Contain("/webhooks/shipping/shipstation-demo"));
        Assert.That(logEvent.Properties["ApiKey"].ToString(), Is.EqualTo("\"***\""));
        Assert.That(logEvent.Properties["Method"].ToString(), Is.EqualTo("\"POST\""));
    }
}
