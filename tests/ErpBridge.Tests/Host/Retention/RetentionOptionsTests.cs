using ErpBridge.Host;
using ErpBridge.Host.Retention;
using Microsoft.Extensions.Configuration;

namespace ErpBridge.Tests.Host.Retention;

/// <summary>ErpBridge:Retention: its defaults, ages turned off with 0 or empty, and every mistake named by its key.</summary>
public sealed class RetentionOptionsTests
{
    private static readonly TimeSpan AuditWindow = TimeSpan.FromDays(7);
    private static readonly TimeSpan OrderWindow = TimeSpan.FromDays(7) + TimeSpan.FromHours(1);

    [Test]
    public void Defaults_AreValid_AndAsDocumented()
    {
        var options = new RetentionOptions();

        Assert.That(options.Validate(AuditWindow, OrderWindow), Is.Empty);
        Assert.That(
            (options.DeliveredMessages, options.AcknowledgedOrders, options.ReconciliationRuns, options.IdocAudits),
            Is.EqualTo((TimeSpan.FromDays(30), TimeSpan.FromDays(90), TimeSpan.FromDays(30), TimeSpan.FromDays(30))));
        Assert.That((options.Schedule, options.BatchSize, options.Interval), Is.EqualTo(("0 30 3 * * ?", 500, (TimeSpan?)null)));
    }

    [Test]
    public void Bind_ZeroEmptyAndDays_AreReadAsConfigured()
    {
        var options = Bind(new()
        {
            ["DeliveredMessages"] = "0",
            ["AcknowledgedOrders"] = "",
            ["ReconciliationRuns"] = "60",
            ["IdocAudits"] = "45.00:00:00",
            ["Schedule"] = "06:00:00",
        });

        Assert.That(RetentionOptions.Enabled(options.DeliveredMessages), Is.Null);
        Assert.That(RetentionOptions.Enabled(options.AcknowledgedOrders), Is.Null);
        Assert.That(options.ReconciliationRuns, Is.EqualTo(TimeSpan.FromDays(60)), "a bare number is days");
        Assert.That(options.IdocAudits, Is.EqualTo(TimeSpan.FromDays(45)));
        Assert.That(options.Interval, Is.EqualTo(TimeSpan.FromHours(6)));
        Assert.That(options.Validate(AuditWindow, OrderWindow), Is.Empty);
    }

    [Test]
    public void Validate_Mistakes_AreNamedByTheirKey()
    {
        var options = new RetentionOptions
        {
            DeliveredMessages = TimeSpan.FromMinutes(30),
            AcknowledgedOrders = TimeSpan.FromDays(3),
            ReconciliationRuns = TimeSpan.FromDays(-1),
            IdocAudits = TimeSpan.FromDays(7),
            Schedule = "every night",
            BatchSize = 0,
            BatchPause = TimeSpan.FromMinutes(1),
        };

        var errors = options.Validate(AuditWindow, OrderWindow).ToList();

        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Retention:DeliveredMessages: '00:30:00' is not an age of at least one day"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Retention:ReconciliationRuns: '-1.00:00:00' is not an age"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Retention:AcknowledgedOrders (3.00:00:00) must be longer than ErpBridge:Reconciliation:OrderWindow"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Retention:IdocAudits (7.00:00:00) must be longer than ErpBridge:IdocAudits:Window"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Retention:Schedule: 'every night' is neither a Quartz cron expression"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Retention:BatchSize: 0 is outside"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Retention:BatchPause:"));
    }

    [Test]
    public void Validate_WithoutAudits_DeliveredMessagesNeedNotOutlastTheAuditWindow()
    {
        var options = new RetentionOptions { DeliveredMessages = TimeSpan.FromDays(2) };

        Assert.That(options.Validate(null, OrderWindow), Is.Empty);
        Assert.That(options.Validate(AuditWindow, OrderWindow), Has.Some.StartsWith("ErpBridge:Retention:DeliveredMessages (2.00:00:00) must be longer than ErpBridge:IdocAudits:Window"));
    }

    [Test]
    public async Task BuildAsync_BadRetentionSchedule_RefusedNamingTheKey()
    {
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ErpBridge:Retention:Schedule"] = "0 61 3 * * ?",
        }));

        Assert.That(app, Is.Null);
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Retention:Schedule: '0 61 3 * * ?' is neither"));
    }

    private static RetentionOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(v => $"{RetentionOptions.Section}:{v.Key}", v => v.Value))
            .Build();
        return HostSettings.Bind(configuration, AppContext.BaseDirectory).Retention;
    }
}
