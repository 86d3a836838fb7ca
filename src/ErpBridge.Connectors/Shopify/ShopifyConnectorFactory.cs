using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Shopify;

/// <summary>Makes a <see cref="ShopifyConnector"/> per Shopify channel; each owns its HTTP client, id cache and cost pacing.</summary>
public sealed class ShopifyConnectorFactory(ShopifyConnectorOptions? options = null, ILoggerFactory? loggerFactory = null)
    : ChannelConnectorFactory<ShopifyConnectorOptions>(options, loggerFactory)
{
    public const string PlatformName = global::ErpBridge.Core.Routing.Platform.Shopify;

    public override string Platform => PlatformName;

    private protected override IChannelConnector Create(string channel, ChannelOptions options, ConnectorServices services) =>
        new ShopifyConnector(channel, options, Options, services.Clients, services.Loggers.CreateLogger<ShopifyConnector>());
}
