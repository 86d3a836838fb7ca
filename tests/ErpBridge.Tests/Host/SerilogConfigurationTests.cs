using System.Text.Json;
using ErpBridge.Host;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace ErpBridge.Tests.Host;

/// <summary>
/// The "Serilog" section changes levels and adds sinks without a rebuild; the defaults stay underneath and the secret
/// masking applies to every sink, the section's included.
/// </summary>
public sealed class SerilogConfigurationTests
{
    private const string Secret = "shpat_secret_that_must_never_reach_a_sink_91c2";

    [Test]
    public void Configure_SectionAddsASinkAndOverridesLevels_MaskingStillApplies()
    {
        using var folder = new TempFolder();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Override:Noisy"] = "Error",
            // Quartz is at Warning by default; the section lowers it.
            ["Serilog:MinimumLevel:Override:Quartz"] = "Information",
            ["Serilog:WriteTo:0:Name"] = "File",
            ["Serilog:WriteTo:0:Args:path"] = "extra/added.log",
            ["Serilog:WriteTo:0:Args:formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
        }).Build();

        using (var logger = SerilogSetup.Configure(new LoggerConfiguration(), new LoggingOptions { File = "" }, configuration, folder.Path).CreateLogger())
        {
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Noisy").Information("noisy information");
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Noisy").Error("noisy error");
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Quartz").Information("quartz information");
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Microsoft.AspNetCore").Information("framework information");
            logger.Information("calling the store with {ApiToken}", Secret);
        }

        var file = Path.Combine(folder.Path, "extra", "added.log");
        Assert.That(File.Exists(file), Is.True, "a relative sink path is the install folder's");
        var events = File.ReadAllLines(file).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var messages = events.Select(e => e.GetProperty("@mt").GetString()).ToList();
        Assert.That(messages, Has.Member("noisy error").And.Member("quartz information"));
        Assert.That(messages, Has.No.Member("noisy information"), "the section's override");
        Assert.That(messages, Has.No.Member("framework information"), "the default override of Microsoft stays");
        Assert.That(File.ReadAllText(file), Does.Not.Contain(Secret));
        Assert.That(events.Single(e => e.GetProperty("@mt").GetString()!.StartsWith("calling", StringComparison.Ordinal)).GetProperty("ApiToken").GetString(), Is.EqualTo("***"));
    }

    [Test]
    public void Configure_SectionAddsASecretProperty_MaskedAllTheSame()
    {
        using var folder = new TempFolder();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:Properties:ClientSecret"] = Secret,
            ["Serilog:MinimumLevel:Default"] = "Debug",
        }).Build();
        var log = folder.File("bridge-.clef");

        using (var logger = SerilogSetup.Configure(new LoggerConfiguration(), new LoggingOptions { File = log, MinimumLevel = LogEventLevel.Warning }, configuration, folder.Path).CreateLogger())
        {
            logger.Debug("debug from the section's default level");
        }

        var text = string.Join('\n', Directory.GetFiles(folder.Path, "bridge-*.clef").Select(File.ReadAllText));
        Assert.That(text, Does.Contain("debug from the section's default level"), "Serilog:MinimumLevel:Default wins over ErpBridge:Logging:MinimumLevel");
        Assert.That(text, Does.Contain("\"ClientSecret\":\"***\""));
        Assert.That(text, Does.Not.Contain(Secret));
    }

    [Test]
    public async Task Host_SectionOverride_TakesEffectInTheBridgesLog()
    {
        // Production's shipped files name no client: the host warns about it under this category, unless told not to.
        await using var quiet = await BridgeFixture.StartAsync(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Override:ErpBridge.Host.Configuration"] = "Error" }, environment: "Production");
        await using var told = await BridgeFixture.StartAsync(environment: "Production");
        await quiet.App.StopAsync();
        await told.App.StopAsync();

        Assert.That(told.ReadLogs(), Does.Contain("No ERP client is configured"));
        Assert.That(quiet.ReadLogs(), Does.Not.Contain("No ERP client is configured").And.Contain("Application started"));
    }
}
