using System.Net.Http.Headers;
using ErpBridge.Sandboxes.BigCommerce;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>
/// Starts a sandbox store for one test, with a raw HTTP client that authenticates as the store's API account. The
/// store starts without demo orders, so that each test sees only the orders it seeded.
/// </summary>
internal sealed class BigCommerceTestStore : IAsyncDisposable
{
    public const string StoreHash = "abc123";
    public const string Token = "test-token-5f2c";

    private BigCommerceTestStore(BigCommerceSandbox sandbox)
    {
        Sandbox = sandbox;
        Http = new HttpClient { BaseAddress = new Uri(sandbox.BaseAddress, $"stores/{StoreHash}/") };
        Http.DefaultRequestHeaders.Add("X-Auth-Token", Token);
        Http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public BigCommerceSandbox Sandbox { get; }

    /// <summary>Relative URLs go to <c>stores/{hash}/</c>.</summary>
    public HttpClient Http { get; }

    public static async Task<BigCommerceTestStore> StartAsync(Action<BigCommerceSandboxOptions>? configure = null)
    {
        var options = new BigCommerceSandboxOptions { StoreHash = StoreHash, AccessToken = Token, LocationCodes = ["WH1", "WH2"], DemoOrders = false };
        configure?.Invoke(options);
        return new BigCommerceTestStore(await BigCommerceSandbox.StartAsync(options, CancellationToken.None));
    }

    public ErpBridge.Core.Routing.ChannelOptions Channel(string? token = null) => new()
    {
        Platform = ErpBridge.Core.Routing.Platform.BigCommerce,
        BaseUrl = Sandbox.BaseAddress.ToString(),
        StoreHash = StoreHash,
        AccessToken = token ?? Token,
    };

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }
}
