using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Connectors.Shopify;

/// <summary>Makes a <see cref="ShopifyConnector"/> per Shopify channel; each owns its HTTP client, id cache and cost pacing.</summary>
public sealed class ShopifyConnectorFactory(ShopifyConnectorSettings? settings = null, ILoggerFactory? loggerFactory = null) : IChannelConnectorFactory
{
    public const string PlatformName = global::ErpBridge.Core.Routing.Platform.Shopify;

    private readonly ShopifyConnectorSettings settings = settings ?? new ShopifyConnectorSettings();

    private readonly ILoggerFactory loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;

    public string Platform => PlatformName;

    public IChannelConnector Create(string channel, ChannelOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(options);
        return new ShopifyConnector(channel, options, settings, loggerFactory.CreateLogger<ShopifyConnector>());
    }
}
