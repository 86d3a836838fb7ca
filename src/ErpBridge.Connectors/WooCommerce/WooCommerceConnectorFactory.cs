using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Makes a <see cref="WooCommerceConnector"/> per WooCommerce channel. A channel missing BaseUrl (the site URL),
/// ConsumerKey or ConsumerSecret, naming more than one location, or pinning an API other than wc/v3 is a
/// configuration error.
/// </summary>
public sealed class WooCommerceConnectorFactory : IChannelConnectorFactory
{
    private readonly WooCommerceConnectorOptions options;
    private readonly ILoggerFactory loggerFactory;
    private readonly IHttpClientFactory clients;

    public WooCommerceConnectorFactory(WooCommerceConnectorOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        this.options = options ?? new WooCommerceConnectorOptions();
        this.options.Validate();
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        clients = ConnectorHttpClients.Create(this.options);
    }

    public string Platform => Core.Routing.Platform.WooCommerce;

    public IChannelConnector Create(string channel, ChannelOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"Channel '{channel}': BaseUrl '{options.BaseUrl}' must be the shop's absolute http(s) site URL (WooCommerce: https://shop.example.com/).", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerKey) || string.IsNullOrWhiteSpace(options.ConsumerSecret))
        {
            throw new ArgumentException($"Channel '{channel}': ConsumerKey and ConsumerSecret (a WooCommerce REST API key with read_write permission) are required.", nameof(options));
        }

        if (options.Locations.Count > 1)
        {
            throw new ArgumentException($"Channel '{channel}': WooCommerce keeps one stock level per product, so Locations may name one ERP location code, not {options.Locations.Count}.", nameof(options));
        }

        if (options.ApiVersion is { } version && version is not ("wc/v3" or "v3"))
        {
            throw new ArgumentException($"Channel '{channel}': ApiVersion '{version}' is not supported; the WooCommerce connector speaks wc/v3.", nameof(options));
        }

        return new WooCommerceConnector(channel, options, this.options, clients, loggerFactory.CreateLogger<WooCommerceConnector>());
    }
}
