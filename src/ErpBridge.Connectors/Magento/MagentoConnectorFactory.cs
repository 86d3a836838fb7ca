using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Makes a <see cref="MagentoConnector"/> per Magento channel. BaseUrl is the store's root URL (the API is then at
/// <c>rest/{DefaultStoreCode}/</c>) or already ends in <c>/rest/{store}/</c>. AccessToken is required; with
/// ConsumerKey, ConsumerSecret and AccessTokenSecret also set, requests are OAuth 1.0a-signed instead of sent with the
/// token as a bearer. Setting only some of those three is a configuration error, not a silent fall-back to bearer.
/// </summary>
public sealed class MagentoConnectorFactory(MagentoConnectorOptions? options = null, ILoggerFactory? loggerFactory = null)
    : ChannelConnectorFactory<MagentoConnectorOptions>(options, loggerFactory)
{
    public override string Platform => Core.Routing.Platform.Magento;

    private protected override IChannelConnector Create(string channel, ChannelOptions options, ConnectorServices services)
    {
        var baseUrl = RequireBaseUrl(channel, options, "an absolute http(s) URL (Magento: the store's root, e.g. https://shop.example.com/)");
        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            throw new ArgumentException($"Channel '{channel}': AccessToken (an admin token, or an integration's access token) is required for Magento.", nameof(options));
        }

        var oauthParts = new[] { options.ConsumerKey, options.ConsumerSecret, options.AccessTokenSecret };
        var set = oauthParts.Count(p => !string.IsNullOrWhiteSpace(p));
        if (set is > 0 and < 3)
        {
            throw new ArgumentException(
                $"Channel '{channel}': to sign Magento requests with OAuth 1.0a, set all of ConsumerKey, ConsumerSecret and AccessTokenSecret (with AccessToken); to use a bearer token, set none of them.",
                nameof(options));
        }

        return new MagentoConnector(channel, options, ApiRoot(baseUrl, Options.DefaultStoreCode), Options, services.Clients, services.Loggers.CreateLogger<MagentoConnector>());
    }

    /// <summary><c>{root}/rest/{store}/</c>, or the BaseUrl itself when it already names the REST store path.</summary>
    internal static Uri ApiRoot(Uri baseUrl, string storeCode)
    {
        var text = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        var segments = baseUrl.AbsolutePath.Trim('/').Split('/');
        return segments.Length >= 2 && segments[^2] == "rest"
            ? new Uri(text)
            : new Uri($"{text}rest/{Uri.EscapeDataString(storeCode)}/");
    }
}
