using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Connectors.Shopify;

/// <summary>Makes a <see cref="ShopifyConnector"/> per Shopify channel; each owns its HTTP client, id cache and cost pacing.</summary>
public sealed class ShopifyConnectorFactory : IChannelConnectorFactory
{
    public const string PlatformName = global::ErpBridge.Core.Routing.Platform.Shopify;

    private readonly ShopifyConnectorOptions options;
    private readonly ILoggerFactory loggerFactory;
    private readonly IHttpClientFactory clients;

    public ShopifyConnectorFactory(ShopifyConnectorOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        this.options = options ?? new ShopifyConnectorOptions();
        this.options.Validate();
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        clients = ConnectorHttpClients.Create(this.options);
    }

    public string Platform => PlatformName;

    public IChannelConnector Create(string channel, ChannelOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(options);
        return new ShopifyConnector(channel, options, this.options, clients, loggerFactory.CreateLogger<ShopifyConnector>());
    }
}
