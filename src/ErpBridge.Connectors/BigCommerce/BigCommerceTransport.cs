using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// Where and how a BigCommerce channel's requests go: under <c>{BaseUrl}stores/{StoreHash}/</c>, with the store API
/// account's X-Auth-Token, paced to the store's request window (<see cref="BigCommerceRateLimitPacer"/>).
/// </summary>
internal static class BigCommerceTransport
{
    public const string TokenHeader = "X-Auth-Token";

    public static ConnectorTransport Create(
        IHttpClientFactory clients, string channel, ChannelOptions channelOptions, BigCommerceConnectorOptions options, ILogger logger)
    {
        var apiRoot = new Uri($"{channelOptions.BaseUrl.TrimEnd('/')}/stores/{Uri.EscapeDataString(channelOptions.StoreHash!)}/");
        var endpoint = new ChannelEndpoint("BigCommerce", channel, channelOptions.BaseUrl, apiRoot);
        var waits = new RetryAfterReader(options.TimeProvider, options.MaxRetryAfter);
        return new ConnectorTransport(
            clients,
            endpoint,
            new HeaderCredentials("token", TokenHeader, channelOptions.AccessToken!, "***"),
            new BigCommerceRateLimitPacer(options.TimeProvider, options.RateLimitReserve),
            new BigCommerceOutcomes(channel, waits),
            options.RequestTimeout,
            options.TimeProvider,
            logger,
            options.Metrics);
    }
}
