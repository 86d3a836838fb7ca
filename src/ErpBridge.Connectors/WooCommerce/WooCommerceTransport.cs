using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Where and how a WooCommerce channel's requests go: under <c>{BaseUrl}wp-json/wc/v3/</c>, with the REST API key
/// (<see cref="WooCommerceCredentials"/>), spaced to the channel's MaxRequestsPerSecond when it sets one.
/// </summary>
internal static class WooCommerceTransport
{
    public static ConnectorTransport Create(
        IHttpClientFactory clients, string channel, ChannelOptions channelOptions, WooCommerceConnectorOptions options, ILogger logger)
    {
        var endpoint = new ChannelEndpoint("WooCommerce", channel, channelOptions.BaseUrl, new Uri($"{channelOptions.BaseUrl.TrimEnd('/')}/wp-json/wc/v3/"));
        return new ConnectorTransport(
            clients,
            endpoint,
            new WooCommerceCredentials(channelOptions.ConsumerKey!, channelOptions.ConsumerSecret!, options.OAuthSignatureMethod, options.TimeProvider),
            new FixedRatePacer(options.TimeProvider, options.MaxRequestsPerSecond),
            new WooCommerceOutcomes(channel, new RetryAfterReader(options.TimeProvider, options.MaxRetryAfter)),
            options.RequestTimeout,
            options.TimeProvider,
            logger,
            options.Metrics);
    }

    /// <summary>Sends <paramref name="path"/> with <paramref name="query"/> written as WooCommerce's own examples write it.</summary>
    public static Task<TransportResponse> SendAsync(
        this ConnectorTransport transport, HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> query, byte[]? jsonBody,
        IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken) =>
        transport.SendAsync(method, RelativeUrl(path, query), jsonBody, headers, cancellationToken);

    public static string RelativeUrl(string path, IReadOnlyList<KeyValuePair<string, string>> query) =>
        query.Count == 0 ? path : $"{path}?{QueryString(query)}";

    /// <summary>A query string as WooCommerce's own examples write it: commas of SKU lists left readable.</summary>
    public static string QueryString(IEnumerable<KeyValuePair<string, string>> query) =>
        string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value).Replace("%2C", ",", StringComparison.Ordinal)}"));

    /// <summary>The pages a collection answer says there are (X-WP-TotalPages), if it says.</summary>
    public static long? TotalPages(this TransportResponse response) => response.Number("X-WP-TotalPages");
}
