using ErpBridge.Connectors;
using ErpBridge.Connectors.Magento;
using ErpBridge.Core.Routing;
using ErpBridge.Sandboxes.Magento;

namespace ErpBridge.Tests.Connectors.Magento;

/// <summary>
/// A running Magento sandbox (sources default, WH1, WH2; no demo orders, so that tests count only their own) and
/// connectors for it, bearer or OAuth 1.0a-signed.
/// </summary>
internal sealed class MagentoTestStore : IAsyncDisposable
{
    private MagentoTestStore(MagentoSandbox sandbox) => Sandbox = sandbox;

    public MagentoSandbox Sandbox { get; }

    public HttpClient Http { get; } = new();

    /// <summary>The API root for a store code, e.g. <c>http://127.0.0.1:1234/rest/default/</c>.</summary>
    public Uri Api(string store = "default") => new(Sandbox.BaseAddress, $"rest/{store}/");

    public static async Task<MagentoTestStore> StartAsync(Action<MagentoSandboxOptions>? configure = null)
    {
        var options = new MagentoSandboxOptions { SourceCodes = ["default", "WH1", "WH2"], DemoOrders = false };
        configure?.Invoke(options);
        return new MagentoTestStore(await MagentoSandbox.StartAsync(options, CancellationToken.None));
    }

    /// <summary>Channel options signing with the integration's four credentials.</summary>
    public ChannelOptions OAuthChannel() => new()
    {
        Platform = Platform.Magento,
        BaseUrl = Sandbox.BaseAddress.ToString(),
        ConsumerKey = Sandbox.Options.ConsumerKey,
        ConsumerSecret = Sandbox.Options.ConsumerSecret,
        AccessToken = Sandbox.Options.IntegrationAccessToken,
        AccessTokenSecret = Sandbox.Options.IntegrationAccessTokenSecret,
    };

    /// <summary>Channel options sending a freshly issued admin token as a bearer.</summary>
    public ChannelOptions BearerChannel() => new()
    {
        Platform = Platform.Magento,
        BaseUrl = Sandbox.BaseAddress.ToString(),
        AccessToken = Sandbox.IssueAdminToken(),
    };

    public static IChannelConnector Connect(string channel, ChannelOptions options, MagentoConnectorOptions? connectorOptions = null) =>
        new MagentoConnectorFactory(connectorOptions ?? new MagentoConnectorOptions { DefaultStoreCode = "default" }).Create(channel, options);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }
}
