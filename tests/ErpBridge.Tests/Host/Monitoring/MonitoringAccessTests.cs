using System.Net;
using System.Net.Http.Headers;
using ErpBridge.Host;
using ErpBridge.Host.Monitoring;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Host.Monitoring;

/// <summary>
/// Issue 17: /metrics and /status/* answer a configured metrics token (or a signed-in operator) only, 401 with
/// <c>WWW-Authenticate: Bearer</c> otherwise; /health and the SOAP service stay as they were.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class MonitoringAccessTests
{
    private static readonly string[] Guarded = ["metrics", "status", "status/deliveries", "status/authentication"];

    [TestCaseSource(nameof(Guarded))]
    public async Task Guarded_WithoutCredentials_Is401_AskingForABearerToken(string path)
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Is.EqualTo(new[] { "Bearer" }));
    }

    [TestCaseSource(nameof(Guarded))]
    public async Task Guarded_WithAWrongToken_Is401(string path)
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };

        foreach (var wrong in new[] { "Bearer not-the-token", "Bearer " + BridgeFixture.MetricsToken + "x", "Bearer " + new string('a', 5000), "Basic ZGVtbzpkZW1v", "Bearer" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.TryAddWithoutValidation("Authorization", wrong);
            using var response = await http.SendAsync(request);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), wrong.Length > 40 ? wrong[..40] : wrong);
        }
    }

    [TestCaseSource(nameof(Guarded))]
    public async Task Guarded_WithTheToken_Is200(string path)
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var http = bridge.MonitoringClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task HealthAndTheWsdl_StayOpen()
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };

        using var health = await http.GetAsync(new Uri("health", UriKind.Relative));
        using var wsdl = await http.GetAsync(new Uri("ErpBridgeService.svc?wsdl", UriKind.Relative));

        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(wsdl.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Production_WithoutTokens_RefusesEvenTheDemoToken()
    {
        await using var bridge = await BridgeFixture.StartAsync(environment: "Production");
        using var http = bridge.MonitoringClient();

        using var metrics = await http.GetAsync(new Uri("metrics", UriKind.Relative));
        using var status = await http.GetAsync(new Uri("status/deliveries", UriKind.Relative));

        Assert.That((metrics.StatusCode, status.StatusCode), Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)));
    }

    [Test]
    public async Task AConfiguredToken_OfItsOwn_IsAccepted()
    {
        var token = MetricsToken.Create();
        await using var bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Monitoring:TokenHashes:0"] = MetricsToken.Hash(token) });
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(token, Has.Length.EqualTo(43), "32 random bytes, base64url");
    }

    [Test]
    public async Task ATokenHashThatIsNoHash_StopsTheHost_NamingTheKey()
    {
        var (app, errors) = await BridgeHost.BuildAsync(
            ["--environment", "Production"],
            config => Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(config, new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["ErpBridge:Monitoring:TokenHashes:0"] = "demo-metrics-token",
            }));

        Assert.That(app, Is.Null);
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Monitoring:TokenHashes:0: not a SHA-256 hash"));
    }

    [Test]
    public void Matches_ComparesTheHash_NotThePrefix()
    {
        byte[][] hashes = [Convert.FromHexString(MetricsToken.Hash("token-a")), Convert.FromHexString(MetricsToken.Hash("token-b"))];

        Assert.That(MetricsToken.Matches("token-b", hashes), Is.True);
        Assert.That(MetricsToken.Matches("token-", hashes), Is.False);
        Assert.That(MetricsToken.Matches("", hashes), Is.False);
        Assert.That(MetricsToken.Matches(new string('x', MetricsToken.MaxLength + 1), hashes), Is.False);
        Assert.That(MetricsToken.Hash("demo-metrics-token"), Is.EqualTo("7db5cc1a8926c21400b54e1ba69bc6cac9b3bb916ce8df7afdea3d9aca466cf0"), "the hash appsettings.Development.json configures");
    }

    [Test]
    public async Task MetricsTokenCommand_PrintsATokenAndItsHash_ThatTheHostAccepts()
    {
        using var output = new StringWriter();
        var code = await ErpBridge.Host.OperatorCommands.RunAsync(["metrics-token"], output, TextWriter.Null);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var token = lines.Single(l => l.StartsWith("token:", StringComparison.Ordinal))["token:".Length..].Trim();
        var hash = lines.Single(l => l.StartsWith("hash:", StringComparison.Ordinal))["hash:".Length..].Trim();

        Assert.That(code, Is.Zero);
        Assert.That(MetricsToken.IsHash(hash), Is.True);
        await using var bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Monitoring:TokenHashes:0"] = hash });
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync(new Uri("status/deliveries", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
