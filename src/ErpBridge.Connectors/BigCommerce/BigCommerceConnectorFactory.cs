using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>Makes a <see cref="BigCommerceConnector"/> per BigCommerce channel; a channel missing BaseUrl, StoreHash or AccessToken is a configuration error.</summary>
public sealed class BigCommerceConnectorFactory : IChannelConnectorFactory
{
    private readonly BigCommerceConnectorOptions options;
    private readonly ILoggerFactory loggerFactory;
    private readonly IHttpClientFactory clients;

    public BigCommerceConnectorFactory(BigCommerceConnectorOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        this.options = options ?? new BigCommerceConnectorOptions();
        this.options.Validate();
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        clients = ConnectorHttpClients.Create(this.options);
    }

    public string Platform => Core.Routing.Platform.BigCommerce;

    public IChannelConnector Create(string channel, ChannelOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"Channel '{channel}': BaseUrl '{options.BaseUrl}' must be an absolute http(s) URL (BigCommerce: https://api.bigcommerce.com/).", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.StoreHash))
        {
            throw new ArgumentException($"Channel '{channel}': StoreHash is required for BigCommerce.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            throw new ArgumentException($"Channel '{channel}': AccessToken (the X-Auth-Token of a store API account) is required for BigCommerce.", nameof(options));
        }

        return new BigCommerceConnector(channel, options, this.options, clients, loggerFactory.CreateLogger<BigCommerceConnector>());
    }
}
