using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Makes a <see cref="WooCommerceConnector"/> per WooCommerce channel. A channel missing BaseUrl (the site URL),
/// ConsumerKey or ConsumerSecret, naming more than one location, or pinning an API other than wc/v3 is a
/// configuration error.
/// </summary>
public sealed class WooCommerceConnectorFactory(WooCommerceConnectorOptions? options = null, ILoggerFactory? loggerFactory = null)
    : ChannelConnectorFactory<WooCommerceConnectorOptions>(options, loggerFactory)
{
    public override string Platform => Core.Routing.Platform.WooCommerce;

    private protected override IChannelConnector Create(string channel, ChannelOptions options, ConnectorServices services)
    {
        RequireBaseUrl(channel, options, "the shop's absolute http(s) site URL (WooCommerce: https://shop.example.com/)");
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

        return new WooCommerceConnector(channel, options, Options, services.Clients, services.Loggers.CreateLogger<WooCommerceConnector>());
    }
}
