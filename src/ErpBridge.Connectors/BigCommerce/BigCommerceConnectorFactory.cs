using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>Makes a <see cref="BigCommerceConnector"/> per BigCommerce channel; a channel missing BaseUrl, StoreHash or AccessToken is a configuration error.</summary>
public sealed class BigCommerceConnectorFactory(BigCommerceConnectorOptions? options = null, ILoggerFactory? loggerFactory = null)
    : ChannelConnectorFactory<BigCommerceConnectorOptions>(options, loggerFactory)
{
    public override string Platform => Core.Routing.Platform.BigCommerce;

    private protected override IChannelConnector Create(string channel, ChannelOptions options, ConnectorServices services)
    {
        RequireBaseUrl(channel, options, "an absolute http(s) URL (BigCommerce: https://api.bigcommerce.com/)");
        if (string.IsNullOrWhiteSpace(options.StoreHash))
        {
            throw new ArgumentException($"Channel '{channel}': StoreHash is required for BigCommerce.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            throw new ArgumentException($"Channel '{channel}': AccessToken (the X-Auth-Token of a store API account) is required for BigCommerce.", nameof(options));
        }

        return new BigCommerceConnector(channel, options, Options, services.Clients, services.Loggers.CreateLogger<BigCommerceConnector>());
    }
}
