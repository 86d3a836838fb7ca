using System.Net;

namespace ErpBridge.Bench;

/// <summary>Accepts only http(s) URLs whose host is a loopback IP address.</summary>
internal static class LoopbackUrl
{
    public static Uri Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--url '{text}' is not an absolute http:// URL");
        }

        if (!IPAddress.TryParse(url.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new UsageException($"--url host '{url.Host}' is not a loopback IP address; this tool only sends traffic to 127.0.0.1 (or ::1), so give the address, not a host name");
        }

        return url;
    }

    public static Uri ForCeiling(int port) => new($"http://127.0.0.1:{port}{CeilingServer.Path}");
}
