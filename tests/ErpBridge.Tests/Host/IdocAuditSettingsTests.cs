using ErpBridge.Host;
using ErpBridge.Orders.Audits;
using Microsoft.Extensions.Configuration;

namespace ErpBridge.Tests.Host;

/// <summary>ErpBridge:SourceSystems and ErpBridge:IdocAudits: bound case-insensitively, checked at start naming the key.</summary>
public sealed class IdocAuditSettingsTests
{
    [Test]
    public async Task BuildAsync_AuditsOnWithoutAKnownEndpointOrWithABadStatus_RefusedNamingTheKey()
    {
        var (app, errors) = await BridgeHost.BuildAsync([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ErpBridge:SourceSystems:SAPA:AuditIdocs"] = "true",
            ["ErpBridge:SourceSystems:SAPB:AuditIdocs"] = "true",
            ["ErpBridge:SourceSystems:SAPB:ErpEndpoint"] = "nowhere",
            ["ErpBridge:SourceSystems:SAPB:FailedStatus"] = "5",
            ["ErpBridge:SourceSystems:ORACLE:AuditIdocs"] = "false",
        }));

        Assert.That(app, Is.Null);
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:SourceSystems:SAPA:ErpEndpoint is required"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:SourceSystems:SAPB:ErpEndpoint 'nowhere' is not configured"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:SourceSystems:SAPB:FailedStatus must be a two-digit IDoc status"));
        Assert.That(errors, Has.None.Contains("ORACLE"), "a source with audits off needs nothing");
    }

    [Test]
    public void Bind_Development_AuditsTheDemoSapSourceOnly()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"))
            .Build();

        var settings = HostSettings.Bind(configuration, AppContext.BaseDirectory);

        var audited = settings.IdocAudits.Audited.ToList();
        Assert.That(audited.Select(a => (a.Name, a.Options.ErpEndpoint, a.Options.DeliveredStatus, a.Options.FailedStatus)), Is.EqualTo(new[] { ("PRDCLNT100", "erp-demo", "41", "51") }));
        Assert.That(settings.IdocAudits.SourceSystems.ContainsKey("prdclnt100"), Is.True, "source systems match case-insensitively");
        Assert.That(settings.Validate(), Has.None.Contains("SourceSystems"));
    }

    [Test]
    public void Defaults_NoSourceSystem_NothingAudited()
    {
        Assert.That(new IdocAuditOptions().Audited, Is.Empty);
    }
}
