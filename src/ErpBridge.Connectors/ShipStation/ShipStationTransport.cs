using System.Text;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.ShipStation;

/// <summary>
/// Where and how a ShipStation channel's requests go: under <c>{BaseUrl}</c> (https://ssapi.shipstation.com/), with
/// HTTP Basic of the API key and secret, paced to the key's 40 requests a minute (<see cref="ShipStationRateLimitPacer"/>).
/// </summary>
internal static class ShipStationTransport
{
    public static ConnectorTransport Create(
        IHttpClientFactory clients, string channel, ChannelOptions channelOptions, ShipStationConnectorOptions options, ILogger logger)
    {
        var apiRoot = new Uri(channelOptions.BaseUrl.TrimEnd('/') + "/");
        var endpoint = new ChannelEndpoint("ShipStation", channel, channelOptions.BaseUrl, apiRoot);
        var waits = new RetryAfterReader(options.TimeProvider, options.MaxRetryAfter);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{channelOptions.ConsumerKey}:{channelOptions.ConsumerSecret}"));
        return new ConnectorTransport(
            clients,
            endpoint,
            new HeaderCredentials("basic", "Authorization", "Basic " + basic, "Basic ***"),
            new ShipStationRateLimitPacer(options.TimeProvider, options.RateLimitReserve),
            new ShipStationOutcomes(channel, waits),
            options.RequestTimeout,
            options.TimeProvider,
            logger,
            options.Metrics);
    }
}
