using System.Text;
using System.Text.Json;
using ErpBridge.Core.Routing;
using ErpBridge.Sandboxes.WooCommerce;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>Starts a sandbox shop for one test, with a raw HTTP client that signs its requests as the shop's REST API key.</summary>
internal sealed class WooCommerceTestStore : IAsyncDisposable
{
    public const string Key = "ck_7e1b2c";
    public const string Secret = "cs_93fa01";
    public const string StockLocation = "WH-MAIN";

    private WooCommerceTestStore(WooCommerceSandbox sandbox)
    {
        Sandbox = sandbox;
    }

    public WooCommerceSandbox Sandbox { get; }

    public HttpClient Http { get; } = new();

    public Uri ApiRoot => new(Sandbox.BaseAddress, WooCommerceSandbox.ApiRoot);

    public static async Task<WooCommerceTestStore> StartAsync(Action<WooCommerceSandboxOptions>? configure = null)
    {
        var options = new WooCommerceSandboxOptions { ConsumerKey = Key, ConsumerSecret = Secret, DemoOrders = false };
        configure?.Invoke(options);
        return new WooCommerceTestStore(await WooCommerceSandbox.StartAsync(options, CancellationToken.None));
    }

    public ChannelOptions Channel(string? secret = null, string? location = StockLocation)
    {
        var channel = new ChannelOptions
        {
            Platform = Platform.WooCommerce,
            BaseUrl = Sandbox.BaseAddress.ToString(),
            ConsumerKey = Key,
            ConsumerSecret = secret ?? Secret,
        };
        if (location is not null)
        {
            channel.Locations[location] = "store";
        }

        return channel;
    }

    /// <summary>A signed request to <c>wp-json/wc/v3/{path}</c>; <paramref name="sign"/> may change how it is signed.</summary>
    public async Task<Response> SendAsync(HttpMethod method, string path, string? json = null, (string, string)[]? query = null, Signing? sign = null)
    {
        sign ??= new Signing();
        var url = new Uri(ApiRoot, path).AbsoluteUri;
        var signed = OAuthTestSigner.SignedQuery(method.Method, url, query ?? [], sign.Key ?? Key, sign.Secret ?? Secret,
            sign.Timestamp ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(), sign.Nonce ?? Guid.NewGuid().ToString("N"), sign.Tamper);
        using var request = new HttpRequestMessage(method, $"{url}?{signed}");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Response((int)response.StatusCode, body, headers);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }

    /// <summary>How a test request is signed; unset parts are signed correctly.</summary>
    public sealed record Signing(string? Key = null, string? Secret = null, long? Timestamp = null, string? Nonce = null, Func<string, string>? Tamper = null);

    public sealed record Response(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

        public string? Code => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
