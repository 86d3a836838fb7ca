using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>
/// Where and how an API2Cart channel's requests go: each method is <c>{BaseUrl}{method}.json</c>, with the account's
/// and the cart's keys, at most <see cref="Api2CartConnectorOptions.MaxConcurrentRequests"/> in flight.
/// </summary>
internal static class Api2CartTransport
{
    public static ConnectorTransport Create(
        IHttpClientFactory clients, string channel, ChannelOptions channelOptions, Api2CartConnectorOptions options, ILogger logger)
    {
        var apiRoot = new Uri(channelOptions.BaseUrl.TrimEnd('/') + "/");
        var endpoint = new ChannelEndpoint("API2Cart", channel, channelOptions.BaseUrl, apiRoot);
        var waits = new RetryAfterReader(options.TimeProvider, options.MaxRetryAfter);
        return new ConnectorTransport(
            clients,
            endpoint,
            new Api2CartCredentials(channelOptions.ApiKey!, channelOptions.StoreKey!),
            new Api2CartConcurrencyPacer(options.MaxConcurrentRequests, new FixedRatePacer(options.TimeProvider, options.RequestsPerSecond)),
            new Api2CartOutcomes(channel, waits),
            options.RequestTimeout,
            options.TimeProvider,
            logger,
            options.Metrics);
    }
}
