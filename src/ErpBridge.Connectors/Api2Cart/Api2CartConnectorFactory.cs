using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>Makes an <see cref="Api2CartConnector"/> per API2Cart channel; a channel missing BaseUrl, ApiKey or StoreKey is a configuration error.</summary>
public sealed class Api2CartConnectorFactory(Api2CartConnectorOptions? options = null, ILoggerFactory? loggerFactory = null)
    : ChannelConnectorFactory<Api2CartConnectorOptions>(options, loggerFactory)
{
    public override string Platform => Core.Routing.Platform.Api2Cart;

    private protected override IChannelConnector Create(string channel, ChannelOptions options, ConnectorServices services)
    {
        RequireBaseUrl(channel, options, "an absolute http(s) URL (API2Cart: https://api.api2cart.com/v1.1/)");
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException($"Channel '{channel}': ApiKey (the API2Cart account's x-api-key) is required for API2Cart.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.StoreKey))
        {
            throw new ArgumentException($"Channel '{channel}': StoreKey (the connected cart's x-store-key) is required for API2Cart.", nameof(options));
        }

        return new Api2CartConnector(channel, options, Options, services.Clients, services.Loggers.CreateLogger<Api2CartConnector>());
    }
}
