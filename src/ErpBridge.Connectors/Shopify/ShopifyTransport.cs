using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// Where and how a Shopify channel's requests go: the GraphQL Admin API under <c>{BaseUrl}admin/api/{version}/</c>,
/// with the X-Shopify-Access-Token, paced to the shop's cost bucket (<see cref="ShopifyCostPacer"/>).
/// </summary>
internal static class ShopifyTransport
{
    public const string TokenHeader = "X-Shopify-Access-Token";

    public const string GraphQLPath = "graphql.json";

    public static ConnectorTransport Create(
        IHttpClientFactory clients, string channel, ChannelOptions channelOptions, Uri apiRoot, ShopifyConnectorOptions options, ILogger logger) =>
        new(
            clients,
            new ChannelEndpoint("Shopify", channel, channelOptions.BaseUrl, apiRoot),
            new HeaderCredentials("token", TokenHeader, channelOptions.AccessToken!, "********"),
            new ShopifyCostPacer(options.TimeProvider, options.MaxPacingWait),
            new ShopifyOutcomes(channel, new RetryAfterReader(options.TimeProvider, options.MaxRetryAfter)),
            options.RequestTimeout,
            options.TimeProvider,
            logger,
            options.Metrics);

    /// <summary>Posts a GraphQL document with its variables; the answer's data, or the failure it amounts to.</summary>
    public static async Task<ShopifyCallResult> QueryAsync(
        this ConnectorTransport transport, RetryAfterReader waits, string document, object variables, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = document, variables });
        var response = await transport.SendAsync(HttpMethod.Post, GraphQLPath, body, [], cancellationToken);
        var result = ShopifyResponseReader.Read(response, transport.Channel, waits);
        if (result.Throttled)
        {
            transport.CountRateLimited();
        }

        return result;
    }
}
