using ErpBridge.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace ErpBridge.Tests.Support;

/// <summary>
/// The real bridge host on 127.0.0.1 with a free port, its own SQLite file and log folder in a temporary directory.
/// It runs in the Development environment unless told otherwise, so with the demo client and the demo channels and
/// routes of appsettings.Development.json; settings override both files.
/// </summary>
public sealed class BridgeFixture : IAsyncDisposable
{
    public const string DemoUser = "demo-erp";
    public const string DemoPassword = "demo-erp-password";

    /// <summary>The demo metrics token of appsettings.Development.json: /metrics and /status/* want it (or a signed-in operator).</summary>
    public const string MetricsToken = "demo-metrics-token";

    private BridgeFixture(WebApplication app, string directory, Uri baseAddress)
    {
        App = app;
        Directory = directory;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    /// <summary>The temporary folder holding the database and the logs.</summary>
    public string Directory { get; }

    public Uri BaseAddress { get; }

    public Uri ServiceAddress => new(BaseAddress, "ErpBridgeService.svc");

    public string DatabasePath => Path.Combine(Directory, "bridge.db");

    public string LogFolder => Path.Combine(Directory, "logs");

    /// <param name="environment">The host's environment: Production reads appsettings.json alone.</param>
    public static async Task<BridgeFixture> StartAsync(IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        var directory = Path.Combine(Path.GetTempPath(), "erpbridge-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var values = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ErpBridge:Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "bridge.db")}",
            ["ErpBridge:Logging:File"] = Path.Combine(directory, "logs", "bridge-.clef"),

            // Intake tests run many hosts at once: no sandboxes on the demo's fixed ports, nothing delivered.
            // The end-to-end tests start their own sandboxes and turn delivery on.
            ["ErpBridge:Sandboxes:Enabled"] = "false",
            ["ErpBridge:Delivery:Enabled"] = "false",
            ["ErpBridge:Orders:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var (app, errors) = await BridgeHost.BuildAsync(["--environment", environment], config => config.AddInMemoryCollection(values));
        if (app is null)
        {
            throw new InvalidOperationException("The bridge did not start: " + string.Join("; ", errors));
        }

        await app.StartAsync();
        var address = BridgeHost.Addresses(app).Single();
        return new BridgeFixture(app, directory, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A client of the bridge's address that presents the demo metrics token, for /metrics and /status/*.</summary>
    public HttpClient MonitoringClient()
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", MetricsToken);
        return http;
    }

    /// <summary>Everything the host logged to its file so far.</summary>
    public string ReadLogs()
    {
        var text = new System.Text.StringBuilder();
        if (System.IO.Directory.Exists(LogFolder))
        {
            foreach (var file in System.IO.Directory.GetFiles(LogFolder))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                text.Append(reader.ReadToEnd());
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held by the runtime; the temporary folder is cleaned by the OS.
        }
    }
}
