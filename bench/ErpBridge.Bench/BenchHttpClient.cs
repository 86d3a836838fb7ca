using System.Net;

namespace ErpBridge.Bench;

/// <summary>Creates the HttpClient a load run uses: one pooled connection per worker, no proxy.</summary>
internal static class BenchHttpClient
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static HttpClient Create(int maxConnections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = RequestTimeout };
    }
}
