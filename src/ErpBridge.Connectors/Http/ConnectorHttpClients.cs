using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// The HTTP client defaults of every connector, set once: a named client per channel (so each channel has its own
/// connection pool and limit), no client-wide timeout (the transport times each request and tells a timeout apart
/// from the caller cancelling), decompression on, and no redirects followed: a redirect would carry the channel's
/// credentials to wherever the store points, so the transport reports it instead (see <see cref="StatusClassifier"/>).
/// </summary>
internal static class ConnectorHttpClients
{
    /// <summary>A client factory for one platform's connectors, configured from <paramref name="options"/>.</summary>
    public static IHttpClientFactory Create(ConnectorOptions options)
    {
        var services = new ServiceCollection();
        services.AddHttpClient();
        services.ConfigureHttpClientDefaults(client => client
            .ConfigurePrimaryHttpMessageHandler(() => PrimaryHandler(options))
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)

            // The transport logs each call itself (platform, channel, status, time); the factory's own request
            // logging would only add a scope and two log checks per request.
            .RemoveAllLoggers()

            // The handler recycles its own connections (PooledConnectionLifetime), so DNS changes are picked up
            // without the factory rotating handlers and dropping warm pools.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan));

        // The provider lives as long as the connector factory that asked for it: for the life of the process.
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
    }

    /// <summary>The client name of a channel: its own handler, hence its own connections.</summary>
    public static string NameOf(string platform, string channel) => $"{platform}:{channel}";

    internal static SocketsHttpHandler PrimaryHandler(ConnectorOptions options) => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = options.ConnectTimeout,
        MaxConnectionsPerServer = options.MaxConnectionsPerChannel,
        AutomaticDecompression = DecompressionMethods.All,
    };
}
