using ErpBridge.Host;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Host;

/// <summary>
/// --config FILE or ERPBRIDGE_CONFIG names a JSON file outside the install folder, layered after
/// appsettings.{Environment}.json and before environment variables and the command line.
/// </summary>
public sealed class ConfigFileTests
{
    [Test]
    public void Named_OptionWinsOverTheVariable_RelativeTakenFromTheWorkingDirectory()
    {
        string? Variable(string name) => name == ConfigFile.Variable ? "/etc/erpbridge/erpbridge.json" : null;

        Assert.That(ConfigFile.Named([], Variable), Is.EqualTo(Path.GetFullPath("/etc/erpbridge/erpbridge.json")));
        Assert.That(ConfigFile.Named(["--config", "/srv/bridge.json"], Variable), Is.EqualTo(Path.GetFullPath("/srv/bridge.json")));
        Assert.That(ConfigFile.Named(["--urls", "http://127.0.0.1:0", "--config=bridge.json"], Variable), Is.EqualTo(Path.GetFullPath("bridge.json")));
        Assert.That(ConfigFile.Named([], _ => null), Is.Null);
        Assert.That(ConfigFile.Named([], _ => " "), Is.Null);
    }

    [Test]
    public void CreateBuilder_ConfigFile_OverridesAppSettingsAndLosesToTheCommandLine()
    {
        using var folder = new TempFolder();
        var file = folder.File("erpbridge.json");
        File.WriteAllText(file, """
            { "ErpBridge": { "Soap": { "MaxDepth": 64, "MaxItemsPerMessage": 500 }, "Delivery": { "MaxAttempts": 7 } } }
            """);

        var configuration = BridgeHost.CreateBuilder(["--environment", "Production", "--config", file, "--ErpBridge:Soap:MaxItemsPerMessage=42"]).Configuration;

        Assert.That(configuration["ErpBridge:Soap:MaxDepth"], Is.EqualTo("64"), "over appsettings.json's 128");
        Assert.That(configuration["ErpBridge:Delivery:MaxAttempts"], Is.EqualTo("7"));
        Assert.That(configuration["ErpBridge:Soap:MaxItemsPerMessage"], Is.EqualTo("42"), "the command line wins over the file");
        Assert.That(configuration["ErpBridge:Soap:Path"], Is.EqualTo("/ErpBridgeService.svc"), "appsettings.json still underneath");
    }

    [Test]
    public async Task BuildAsync_ConfigFileMissing_RefusesToStartNamingIt()
    {
        using var folder = new TempFolder();
        var missing = folder.File("nowhere.json");

        var (app, errors) = await BridgeHost.BuildAsync(["--environment", "Production", "--config", missing, "--urls", "http://127.0.0.1:0", "--ErpBridge:Logging:File="]);

        Assert.That(app, Is.Null);
        Assert.That(errors, Has.Member($"--config / ERPBRIDGE_CONFIG: no configuration file '{missing}'."));
        Assert.That(File.Exists(missing), Is.False);
    }
}
