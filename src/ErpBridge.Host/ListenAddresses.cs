using System.Net;

namespace ErpBridge.Host;

/// <summary>The addresses the host will bind, read from configuration before it starts.</summary>
public static class ListenAddresses
{
    public const string Default = "http://127.0.0.1:5080";

    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.Count == 0 ? [Default] : urls;
    }

    public static bool IsLoopback(string url)
    {
        var host = url.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal);
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
