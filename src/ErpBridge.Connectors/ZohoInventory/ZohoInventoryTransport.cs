using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.ZohoInventory;

/// <summary>
/// Where and how a Zoho Inventory channel's requests go: under its BaseUrl (<c>https://www.zohoapis.{dc}/inventory/v1/</c>),
/// with a renewed OAuth access token and <c>organization_id</c> (<see cref="ZohoInventoryToken"/>), paced by the
/// organisation's shared <see cref="ZohoInventoryPacer"/>.
/// </summary>
internal static class ZohoInventoryTransport
{
    /// <summary>The platform as messages and metrics name it (its lower case is the configured platform name).</summary>
    public const string PlatformName = "Zoho-Inventory";

    public static ConnectorTransport Create(
        IHttpClientFactory clients, string channel, ChannelOptions channelOptions, Uri accountsUrl, ZohoInventoryPacer pacer, ZohoInventoryConnectorOptions options, ILogger logger, out ZohoInventoryToken token)
    {
        var apiRoot = new Uri(channelOptions.BaseUrl.TrimEnd('/') + "/");
        var endpoint = new ChannelEndpoint(PlatformName, channel, channelOptions.BaseUrl, apiRoot);
        token = new ZohoInventoryToken(
            clients.CreateClient(ConnectorHttpClients.NameOf(PlatformName, channel)),
            new Uri(accountsUrl, "oauth/v2/token"),
            channelOptions.OrganizationId!,
            channelOptions.ClientId!,
            channelOptions.ClientSecret!,
            channelOptions.RefreshToken!,
            options.TokenRenewalMargin,
            options.RequestTimeout,
            options.TimeProvider,
            channel);
        return new ConnectorTransport(
            clients,
            endpoint,
            token,
            pacer,
            new ZohoInventoryOutcomes(channel, new RetryAfterReader(options.TimeProvider, options.MaxRetryAfter)),
            options.RequestTimeout,
            options.TimeProvider,
            logger,
            options.Metrics);
    }
}
