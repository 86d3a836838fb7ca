using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ErpBridge.Core.Security;
using ErpBridge.Tests.Connectors;
using ErpBridge.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Tests.Deployment;

/// <summary>
/// The host as an administrator installs it: published (Release, framework-dependent linux-x64) into a folder of its
/// own, started as the published executable in Production from another working directory, with its configuration in a
/// file elsewhere (ERPBRIDGE_CONFIG) and a secret from the environment. The database goes where the file says
/// (absolute), the log file into the install folder (relative), nothing into the working directory; the WSDL is the
/// install folder's; there is no sandbox and no demo client; SIGTERM stops it with exit code 0. One publish for the
/// fixture (it takes a minute or two); the checks run in order on one process.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PublishedHostTests
{
    private const string Client = "sap-pi";
    private const string ClientPassword = "a-real-secret-for-the-published-host";
    private const string ChannelToken = "shpat_published_host_token_3b1e";

    private readonly string marker = $"published-host-{Guid.NewGuid():N}";
    private readonly StringBuilder output = new();
    private string root = "";
    private string install = "";
    private string workingDirectory = "";
    private string database = "";
    private string config = "";
    private Process? bridge;
    private Uri? address;

    [OneTimeSetUp]
    public async Task PublishAndStart()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("publishes and starts the linux-x64 executable");
        }

        root = Path.Combine(Path.GetTempPath(), "erpbridge-tests", "published-" + Guid.NewGuid().ToString("N"));
        install = Path.Combine(root, "opt", "erpbridge");
        workingDirectory = Path.Combine(root, "cwd");
        database = Path.Combine(root, "var", "lib", "erpbridge", "erpbridge.db");
        Directory.CreateDirectory(workingDirectory);

        // Its own artifacts folder: the publish neither reads nor disturbs the repository's bin/ and obj/.
        var publish = await ExternalProcess.RunAsync(
            "dotnet",
            ["publish", Path.Combine(RepositoryFolders.Root, "src", "ErpBridge.Host", "ErpBridge.Host.csproj"), "-c", "Release", "-r", "linux-x64", "--no-self-contained",
             "-o", install, "--artifacts-path", Path.Combine(root, "build"), "--nologo", "-v", "q"],
            TimeSpan.FromMinutes(10));
        Assert.That(publish.ExitCode, Is.Zero, publish.Describe());

        // The contract served must be the install folder's copy: this one carries a mark no other copy has.
        var wsdl = Path.Combine(install, "wsdl", "ErpBridgeService.wsdl");
        var text = await File.ReadAllTextAsync(wsdl);
        var definitions = text.IndexOf('>', text.IndexOf("<wsdl:definitions", StringComparison.Ordinal)) + 1;
        await File.WriteAllTextAsync(wsdl, text.Insert(definitions, $"<wsdl:documentation>{marker}</wsdl:documentation>"));

        config = Path.Combine(root, "etc", "erpbridge", "erpbridge.json");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["ErpBridge"] = new Dictionary<string, object>
            {
                ["Storage"] = new { ConnectionString = $"Data Source={database}" },
                ["Logging"] = new { File = "logs/erpbridge-.clef" },
                ["Security"] = new { Clients = new[] { new { UserName = Client, PasswordHash = SecretHash.Create(ClientPassword, 10_000) } } },
                ["Channels"] = new Dictionary<string, object> { ["shop-eu"] = new { Platform = "shopify", BaseUrl = ClosedPort.BaseUrl() } },
                ["Routes"] = new { Inventory = new[] { "shop-eu" } },
            },
        }));
    }

    [TearDown]
    public void StopBridge()
    {
        if (bridge is { HasExited: false })
        {
            bridge.Kill(entireProcessTree: true);
            bridge.WaitForExit(10_000);
        }

        bridge?.Dispose();
        bridge = null;
    }

    [OneTimeTearDown]
    public void Remove()
    {
        SqliteConnection.ClearAllPools();
        if (root.Length > 0 && Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task PublishedExecutable_Production_UsesTheConfiguredPathsAndStopsOnSigterm()
    {
        bridge = Start(config);
        address = await WaitForAddressAsync(bridge);

        await ReadyAnswersWithEveryCheckHealthyAsync();
        await WsdlIsTheInstallFoldersCopyAsync();
        await ConfiguredClientAcceptedDemoClientRefusedStoredInTheConfiguredDatabaseAsync();
        LogInTheInstallFolderNothingInTheWorkingDirectoryNoSandbox();
        await SigtermStopsCleanlyWithExitCode0Async();
    }

    private async Task ReadyAnswersWithEveryCheckHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = address };

        var (status, body) = await PollReadyAsync(http);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body + Output());
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("checks").EnumerateObject().Select(c => $"{c.Name}:{c.Value.GetProperty("status").GetString()}"),
            Is.EquivalentTo(new[] { "database:Healthy", "scheduler:Healthy", "maps:Healthy", "channels:Healthy" }));
    }

    private async Task WsdlIsTheInstallFoldersCopyAsync()
    {
        using var http = new HttpClient();

        var wsdl = await http.GetStringAsync(new Uri(address!, "ErpBridgeService.svc?wsdl"));

        Assert.That(wsdl, Does.Contain(marker));
        Assert.That(wsdl, Does.Contain($"{address!.GetLeftPart(UriPartial.Authority)}/ErpBridgeService.svc"));
    }

    private async Task ConfiguredClientAcceptedDemoClientRefusedStoredInTheConfiguredDatabaseAsync()
    {
        using var client = new SoapClient(new Uri(address!, "ErpBridgeService.svc"));

        var accepted = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), Envelopes.PasswordToken(Client, ClientPassword)));
        var demo = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), Envelopes.PasswordToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword)));

        Assert.That(accepted.ReceiptStatus, Is.EqualTo("Accepted"), accepted.Body);
        Assert.That(demo.FaultCode, Is.EqualTo("AuthenticationFailed"), "no demo client in Production");
        Assert.That(File.Exists(database), Is.True, "the database is where the configuration file says");
        Assert.That(Count(database, "SELECT COUNT(*) FROM messages"), Is.EqualTo(1));
        Assert.That(Count(database, "SELECT COUNT(*) FROM deliveries WHERE channel = 'shop-eu'"), Is.EqualTo(1));
    }

    private void LogInTheInstallFolderNothingInTheWorkingDirectoryNoSandbox()
    {
        var logs = Directory.Exists(Path.Combine(install, "logs")) ? Directory.GetFiles(Path.Combine(install, "logs"), "erpbridge-*.clef") : [];

        Assert.That(logs, Has.Length.EqualTo(1), Output());
        Assert.That(ReadShared(logs[0]), Does.Contain("Application started").And.Not.Contain(ChannelToken).And.Not.Contain(ClientPassword));
        Assert.That(Directory.EnumerateFileSystemEntries(workingDirectory), Is.Empty, "nothing is written to the working directory");
        Assert.That(Directory.Exists(Path.Combine(install, "data")), Is.False, "the database is not the default one under the install folder");
        Assert.That(Directory.GetFiles(install, "*", SearchOption.AllDirectories).Select(Path.GetFileName), Has.None.Contains("Sandboxes").And.None.EqualTo("appsettings.Development.json"));
        Assert.That(ListeningPorts(bridge!.Id), Is.EqualTo(new[] { address!.Port }), "the bridge listens on its own port only: no sandbox runs in it");
    }

    private async Task SigtermStopsCleanlyWithExitCode0Async()
    {
        var kill = await ExternalProcess.RunAsync("kill", ["-TERM", bridge!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        Assert.That(kill.ExitCode, Is.Zero, kill.Describe());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bridge.WaitForExitAsync(timeout.Token);

        Assert.That(bridge.ExitCode, Is.Zero, Output());
        Assert.That(ReadShared(Directory.GetFiles(Path.Combine(install, "logs"), "erpbridge-*.clef").Single()), Does.Contain("Application is shutting down"));
    }

    private Process Start(string config)
    {
        var start = new ProcessStartInfo(Path.Combine(install, "ErpBridge.Host"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");

        // Nothing of the test run's own environment decides the bridge's configuration.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ErpBridge", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k == "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ERPBRIDGE_CONFIG"] = config;
        start.Environment["ErpBridge__Channels__shop-eu__AccessToken"] = ChannelToken;

        // The apphost finds the runtime this test runs on.
        start.Environment.TryAdd("DOTNET_ROOT", Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..")));
        var process = Process.Start(start) ?? throw new InvalidOperationException("the published host did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return "\n" + output;
        }
    }

    /// <summary>The address from the line "ErpBridge WSDL: http://127.0.0.1:PORT/ErpBridgeService.svc?wsdl" (port 0 resolved).</summary>
    private async Task<Uri> WaitForAddressAsync(Process process)
    {
        const string Prefix = "ErpBridge WSDL: ";
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        while (TimeProvider.System.GetUtcNow() < deadline && !process.HasExited)
        {
            var line = Output().Split('\n').FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
            if (line is not null)
            {
                return new Uri(new Uri(line[Prefix.Length..].Trim()).GetLeftPart(UriPartial.Authority) + "/");
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the published host did not print its address (exited: {process.HasExited}):{Output()}");
        throw new InvalidOperationException("unreachable");
    }

    private static async Task<(HttpStatusCode Status, string Body)> PollReadyAsync(HttpClient http)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (true)
        {
            using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK || TimeProvider.System.GetUtcNow() > deadline)
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(200);
        }
    }

    private static long Count(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static string ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The TCP ports the process listens on: its socket descriptors matched with the kernel's LISTEN entries.</summary>
    private static List<int> ListeningPorts(int pid)
    {
        var sockets = Directory.GetFiles($"/proc/{pid}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Where(target => target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(target => target![8..^1])
            .ToHashSet(StringComparer.Ordinal);
        return new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 9 && fields[3] == "0A" && sockets.Contains(fields[9]))
            .Select(fields => Convert.ToInt32(fields[1].Split(':')[1], 16))
            .Distinct()
            .Order()
            .ToList();
    }
}
