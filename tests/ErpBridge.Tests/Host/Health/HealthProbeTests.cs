using System.Net;
using System.Text.Json;
using ErpBridge.Core.Delivery;
using ErpBridge.Host;
using ErpBridge.Host.Health;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ErpBridge.Tests.Host.Health;

/// <summary>
/// GET /health/live and /health/ready on the real host: each readiness check fails on its own cause, the body names the
/// check and, for a paused channel or a broken map, which one; /health stays as it was.
/// </summary>
public sealed class HealthProbeTests
{
    [Test]
    public async Task Ready_EverythingUp_200WithEveryCheckHealthy()
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };

        var (status, body) = await GetAsync(http, "health/ready");
        var (liveStatus, live) = await GetAsync(http, "health/live");
        var (oldStatus, old) = await GetAsync(http, "health");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(Checks(body), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["database"] = "Healthy",
            ["scheduler"] = "Healthy",
            ["maps"] = "Healthy",
            ["channels"] = "Healthy",
        }));
        Assert.That(body.GetProperty("checks").GetProperty("maps").GetProperty("description").GetString(), Does.EndWith("maps loaded").And.Not.StartWith("0 "));
        Assert.That(liveStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(live.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(live.GetProperty("checks").EnumerateObject(), Is.Empty, "live runs no check: the process answers");
        Assert.That(oldStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(old.ToString(), Is.EqualTo("""{"status":"Healthy","database":"reachable"}"""));
    }

    [Test]
    public async Task Ready_ChannelPausedForRefusedCredentials_503NamingTheChannel_OperatorPauseStaysReady()
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };
        var store = bridge.App.Services.GetRequiredService<IDeliveryStore>();
        var now = TimeProvider.System.GetUtcNow();

        await store.PauseChannelAsync(new ChannelPause("magento-demo", PauseKind.Operator, "maintenance window", now, null), CancellationToken.None);
        var (operatorStatus, operatorBody) = await GetAsync(http, "health/ready");
        await store.PauseChannelAsync(new ChannelPause("shopify-demo", PauseKind.Credentials, "401 Unauthorized", now, now.AddMinutes(1)), CancellationToken.None);
        var (status, body) = await GetAsync(http, "health/ready");
        var (liveStatus, _) = await GetAsync(http, "health/live");
        await store.ResumeChannelAsync("shopify-demo", PauseKind.Credentials, CancellationToken.None);
        var (resumedStatus, _) = await GetAsync(http, "health/ready");

        Assert.That(operatorStatus, Is.EqualTo(HttpStatusCode.OK), operatorBody.ToString());
        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
        Assert.That(Checks(body)["channels"], Is.EqualTo("Unhealthy"));
        Assert.That(Checks(body).Where(c => c.Key != "channels").Select(c => c.Value), Has.All.EqualTo("Healthy"));
        var channels = body.GetProperty("checks").GetProperty("channels");
        Assert.That(channels.GetProperty("description").GetString(), Does.Contain("shopify-demo").And.Not.Contain("magento-demo"));
        Assert.That(channels.GetProperty("data").GetProperty("shopify-demo").GetString(), Does.Contain("Credentials"));
        Assert.That(channels.GetProperty("data").GetProperty("magento-demo").GetString(), Does.Contain("Operator"));
        Assert.That(liveStatus, Is.EqualTo(HttpStatusCode.OK), "the process is alive all the same");
        Assert.That(resumedStatus, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_DatabaseGone_503OnTheDatabaseCheck()
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };
        var (before, _) = await GetAsync(http, "health/ready");

        // The file is gone (a volume unmounted): the empty database SQLite opens in its place is not the bridge's.
        File.Delete(bridge.DatabasePath);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var (status, body) = await GetAsync(http, "health/ready");

        Assert.That(before, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(Checks(body)["database"], Is.EqualTo("Unhealthy"));
        Assert.That(body.GetProperty("checks").GetProperty("database").GetProperty("description").GetString(), Is.EqualTo("unreachable"));
        Assert.That(body.ToString(), Does.Not.Contain("schema_migrations"), "no exception text in the open body");
    }

    [Test]
    public async Task Ready_MapThatNeverLoaded_503NamingTheMap_BrokenEditOfARunningMapIsDegraded()
    {
        using var maps = new TempMaps();
        maps.Write("outbound/shopify/Inventory", TempMaps.Stylesheet("<plan/>"));
        maps.Write("outbound/shopify/Products", "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:template match=\"/\"><unclosed></xsl:template></xsl:stylesheet>");
        await using var bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Maps:Folder"] = maps.Root });
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };

        var (status, body) = await GetAsync(http, "health/ready");
        maps.Write("outbound/shopify/Products", TempMaps.Stylesheet("<plan/>"));
        var (fixedStatus, fixedBody) = await PollAsync(http, b => b.GetProperty("status").GetString() == "Healthy");
        maps.Write("outbound/shopify/Inventory", TempMaps.Stylesheet("<plan>") + "<!-- broken -->");
        var (degradedStatus, degraded) = await PollAsync(http, b => b.GetProperty("status").GetString() == "Degraded");

        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(Checks(body)["maps"], Is.EqualTo("Unhealthy"));
        var check = body.GetProperty("checks").GetProperty("maps");
        Assert.That(check.GetProperty("description").GetString(), Is.EqualTo("1 of 2 maps do not load"));
        Assert.That(check.GetProperty("data").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "outbound/shopify/Products" }));
        Assert.That(fixedStatus, Is.EqualTo(HttpStatusCode.OK), fixedBody.ToString());
        Assert.That(degradedStatus, Is.EqualTo(HttpStatusCode.OK), "the last good version keeps running: still ready");
        Assert.That(Checks(degraded)["maps"], Is.EqualTo("Degraded"));
        Assert.That(degraded.GetProperty("checks").GetProperty("maps").GetProperty("data").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "outbound/shopify/Inventory" }));
    }

    [Test]
    public async Task Ready_SchedulersNotStartedThenStopped_Unhealthy()
    {
        using var folder = new TempFolder();
        var (app, errors) = await BridgeHost.BuildAsync(["--environment", "Production"], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ErpBridge:Storage:ConnectionString"] = $"Data Source={folder.File("bridge.db")}",
            ["ErpBridge:Logging:File"] = "",
        }));
        Assert.That(errors, Is.Empty);
        await using (app!)
        {
            var health = app!.Services.GetRequiredService<HealthCheckService>();
            bool Ready(HealthCheckRegistration check) => check.Tags.Contains(HealthProbes.Ready);

            var built = await health.CheckHealthAsync(Ready);
            await app.StartAsync();
            var started = await health.CheckHealthAsync(Ready);
            for (var wait = 0; started.Entries["scheduler"].Status != HealthStatus.Healthy && wait < 100; wait++)
            {
                // Quartz's hosted service starts the schedulers once the host has started.
                await Task.Delay(100);
                started = await health.CheckHealthAsync(Ready);
            }

            await app.StopAsync();
            var stopped = await health.CheckHealthAsync(Ready);

            Assert.That(built.Entries["scheduler"].Status, Is.EqualTo(HealthStatus.Unhealthy));
            Assert.That(built.Entries["scheduler"].Description, Is.EqualTo("no scheduler is running"));
            Assert.That(started.Entries["scheduler"].Status, Is.EqualTo(HealthStatus.Healthy), started.Entries["scheduler"].Description);
            Assert.That(started.Entries["scheduler"].Data.Keys.ToList(), Has.Member("ErpBridge.Cluster").And.Count.EqualTo(2));
            Assert.That(stopped.Entries["scheduler"].Status, Is.EqualTo(HealthStatus.Unhealthy));
        }
    }

    private static Dictionary<string, string> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The first /health/ready answer that <paramref name="done"/> accepts, within 15 s (a map edit is noticed by the engine's watcher or recheck).</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> PollAsync(HttpClient http, Func<JsonElement, bool> done)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(15);
        while (true)
        {
            var answer = await GetAsync(http, "health/ready");
            if (done(answer.Body) || TimeProvider.System.GetUtcNow() > deadline)
            {
                return answer;
            }

            await Task.Delay(200);
        }
    }
}
