using ErpBridge.Host;
using ErpBridge.Storage;
using Microsoft.Extensions.Configuration;

namespace ErpBridge.Tests.Host;

/// <summary>
/// Every path of the configuration is taken from the install folder (the content root) or is absolute as given, never
/// from the working directory: a Windows service starts in System32, a systemd unit in /.
/// </summary>
public sealed class InstallPathTests
{
    private static readonly string Install = Path.Combine(Path.GetTempPath(), "erpbridge-install");

    [Test]
    public void Bind_RelativePaths_TakenFromTheInstallFolder()
    {
        var settings = Bind(new()
        {
            ["ErpBridge:Storage:ConnectionString"] = "Data Source=data/erpbridge.db;Pooling=False",
            ["ErpBridge:Logging:File"] = "logs/erpbridge-.clef",
            ["ErpBridge:Maps:Folder"] = "maps",
            ["ErpBridge:Soap:ContractFolder"] = "contract",
        });

        Assert.That(settings.Storage.ConnectionString, Is.EqualTo($"Data Source={Path.Combine(Install, "data", "erpbridge.db")};Pooling=False"));
        Assert.That(settings.Logging.File, Is.EqualTo(Path.Combine(Install, "logs", "erpbridge-.clef")));
        Assert.That(settings.MapsFolder, Is.EqualTo(Path.Combine(Install, "maps")));
        Assert.That(settings.Soap.ContractFolder, Is.EqualTo(Path.Combine(Install, "contract")));
    }

    [Test]
    public void Bind_Defaults_AllUnderTheInstallFolder()
    {
        var settings = Bind([]);

        Assert.That(settings.Storage.ConnectionString, Is.EqualTo($"Data Source={Path.Combine(Install, "data", "erpbridge.db")}"));
        Assert.That(settings.Logging.File, Is.EqualTo(Path.Combine(Install, "logs", "erpbridge-.clef")));
        Assert.That(settings.MapsFolder, Is.EqualTo(Path.Combine(Install, "xslt")));
        Assert.That(settings.Soap.ContractFolder, Is.EqualTo(Path.Combine(Install, "wsdl")));
    }

    [Test]
    public void Bind_AbsolutePaths_KeptAsGiven()
    {
        var database = Path.Combine(Path.GetTempPath(), "var", "lib", "erpbridge", "erpbridge.db");
        var log = Path.Combine(Path.GetTempPath(), "var", "log", "erpbridge", "erpbridge-.clef");

        var settings = Bind(new() { ["ErpBridge:Storage:ConnectionString"] = $"Data Source={database}", ["ErpBridge:Logging:File"] = log });

        Assert.That(settings.Storage.ConnectionString, Is.EqualTo($"Data Source={database}"));
        Assert.That(settings.Logging.File, Is.EqualTo(log));
    }

    [TestCase("Sqlite", "Data Source=:memory:")]
    [TestCase("Sqlite", "Data Source=file:bridge?mode=memory&cache=shared")]
    [TestCase("PostgreSql", "Host=db;Database=erpbridge;Username=bridge")]
    [TestCase("SqlServer", "Server=db;Database=erpbridge;Integrated Security=true")]
    public void Bind_NoFileToResolve_ConnectionStringUnchanged(string provider, string connectionString)
    {
        var settings = Bind(new() { ["ErpBridge:Storage:Provider"] = provider, ["ErpBridge:Storage:ConnectionString"] = connectionString });

        Assert.That(settings.Storage.ConnectionString, Is.EqualTo(connectionString));
    }

    [Test]
    public void Bind_NoLogFile_StaysOff()
    {
        Assert.That(Bind(new() { ["ErpBridge:Logging:File"] = "" }).Logging.File, Is.Empty);
    }

    [Test]
    public void DatabaseFile_RelativeSource_IsUnderTheFolderGiven()
    {
        var storage = new StorageOptions { ConnectionString = "Data Source=erpbridge.db" };

        Assert.That(DatabaseFile.PathOf(storage, Install), Is.EqualTo(Path.Combine(Install, "erpbridge.db")));
        Assert.That(DatabaseFile.PathOf(storage, Install), Is.Not.EqualTo(Path.GetFullPath("erpbridge.db")));
    }

    private static HostSettings Bind(Dictionary<string, string?> values) =>
        HostSettings.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Install);
}
