using System.Net;
using System.Net.Sockets;

namespace ErpBridge.Tests.Connectors;

/// <summary>A base URL on 127.0.0.1 where nothing listens: a port that was free a moment ago, and is closed again.</summary>
internal static class ClosedPort
{
    public static string BaseUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }
}
