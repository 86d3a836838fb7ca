using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>Raw GraphQL over HTTP against a sandbox, as a test's independent client.</summary>
public sealed class ShopifyGraphQLHttp(Uri shop, string token, string version = "2026-01") : IDisposable
{
    private readonly HttpClient http = new();

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string query, object? variables = null, string? tokenOverride = null, string? versionOverride = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(shop, $"admin/api/{versionOverride ?? version}/graphql.json"))
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        if ((tokenOverride ?? token).Length > 0)
        {
            request.Headers.Add("X-Shopify-Access-Token", tokenOverride ?? token);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Posts and insists on HTTP 200, no top-level errors, and a cost extension; returns <c>data</c>.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var (status, body) = await PostAsync(query, variables);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.TryGetProperty("errors", out _), Is.False, body.ToString());
        Assert.That(body.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus").GetProperty("maximumAvailable").GetDouble(), Is.GreaterThan(0));
        return body.GetProperty("data");
    }

    public void Dispose() => http.Dispose();
}
