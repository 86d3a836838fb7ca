using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.ShipStation;

/// <summary>Makes a <see cref="ShipStationConnector"/> per ShipStation channel; a channel missing BaseUrl, ConsumerKey (API key) or ConsumerSecret (API secret) is a configuration error.</summary>
public sealed class ShipStationConnectorFactory(ShipStationConnectorOptions? options = null, ILoggerFactory? loggerFactory = null)
    : ChannelConnectorFactory<ShipStationConnectorOptions>(options, loggerFactory)
{
    public override string Platform => Core.Routing.Platform.ShipStation;

    private protected override IChannelConnector Create(string channel, ChannelOptions options, ConnectorServices services)
    {
        RequireBaseUrl(channel, options, "an absolute http(s) URL (ShipStation: https://ssapi.shipstation.com/)");
        if (string.IsNullOrWhiteSpace(options.ConsumerKey) || string.IsNullOrWhiteSpace(options.ConsumerSecret))
        {
            throw new ArgumentException($"Channel '{channel}': ConsumerKey (the API key) and ConsumerSecret (the API secret) are required for ShipStation.", nameof(options));
        }

        return new ShipStationConnector(channel, options, Options, services.Clients, services.Loggers.CreateLogger<ShipStationConnector>());
    }
}
