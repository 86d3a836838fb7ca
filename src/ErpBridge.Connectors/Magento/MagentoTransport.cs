using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Where and how a Magento channel's requests go: under its API root (<c>{BaseUrl}rest/{store}/</c>), authorised as
/// <see cref="MagentoCredentials"/> says (bearer token, or OAuth 1.0a-signed), spaced to the channel's
/// MaxRequestsPerSecond when it sets one.
/// </summary>
internal static class MagentoTransport
{
    public static ConnectorTransport Create(
        IHttpClientFactory clients, string channel, ChannelOptions channelOptions, Uri apiRoot, MagentoConnectorOptions options, ILogger logger)
    {
        var credentials = MagentoCredentials.From(channelOptions, options.TimeProvider);
        return new ConnectorTransport(
            clients,
            new ChannelEndpoint("Magento", channel, channelOptions.BaseUrl, apiRoot),
            credentials,
            new FixedRatePacer(options.TimeProvider, options.MaxRequestsPerSecond),
            new MagentoOutcomes(channel, credentials.Kind, new RetryAfterReader(options.TimeProvider, options.MaxRetryAfter)),
            options.RequestTimeout,
            options.TimeProvider,
            logger,
            options.Metrics);
    }
}
