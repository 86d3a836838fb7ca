using System.Net.Http.Headers;

namespace ErpBridge.Bench;

/// <summary>
/// Reads the bridge's /status/* endpoints, which want a metrics token: the one in ERPBRIDGE_METRICS_TOKEN, else the
/// demo token whose hash build.ps1 Bench configures (from appsettings.Development.json's ErpBridge:Monitoring).
/// </summary>
internal static class BenchMonitoring
{
    public const string DemoToken = "demo-metrics-token";

    private static readonly string Token = Environment.GetEnvironmentVariable("ERPBRIDGE_METRICS_TOKEN") is { Length: > 0 } token ? token : DemoToken;

    /// <summary>GET <paramref name="url"/> with the token; the body, or an <see cref="HttpRequestException"/> on a status other than 2xx.</summary>
    public static async Task<string> GetStringAsync(HttpClient http, Uri url, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
