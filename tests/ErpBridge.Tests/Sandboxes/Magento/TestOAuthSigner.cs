using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Tests.Magento;

/// <summary>
/// An OAuth 1.0a signer written from RFC 5849 for the sandbox tests, separate from the connector's, so that the two
/// sides are not checked only against each other. Signs with HMAC-SHA1 or HMAC-SHA256.
/// </summary>
internal sealed record TestOAuthSigner(string ConsumerKey, string ConsumerSecret, string Token, string TokenSecret)
{
    public string Header(string method, Uri url, string signatureMethod = "HMAC-SHA1", long? timestamp = null, string? nonce = null)
    {
        var oauth = new Dictionary<string, string>
        {
            ["oauth_consumer_key"] = ConsumerKey,
            ["oauth_token"] = Token,
            ["oauth_signature_method"] = signatureMethod,
            ["oauth_timestamp"] = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture),
            ["oauth_nonce"] = nonce ?? Guid.NewGuid().ToString("N"),
            ["oauth_version"] = "1.0",
        };
        var pairs = oauth.Select(p => (p.Key, p.Value)).ToList();
        if (url.Query.Length > 1)
        {
            pairs.AddRange(url.Query[1..].Split('&').Select(p => p.Split('=', 2))
                .Select(p => (Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")));
        }

        var parameterString = string.Join("&", pairs.Select(p => $"{Percent(p.Item1)}={Percent(p.Item2)}").Order(StringComparer.Ordinal));
        var baseUri = $"{url.Scheme}://{url.Host}:{url.Port}{url.AbsolutePath}";
        var text = $"{method}&{Percent(baseUri)}&{Percent(parameterString)}";
        var key = Encoding.UTF8.GetBytes($"{Percent(ConsumerSecret)}&{Percent(TokenSecret)}");
        var signature = signatureMethod == "HMAC-SHA256"
            ? HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text))
            : HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(text));
        oauth["oauth_signature"] = Convert.ToBase64String(signature);
        return "OAuth " + string.Join(",", oauth.Select(p => $"{p.Key}=\"{Percent(p.Value)}\""));
    }

    private static string Percent(string value) => Uri.EscapeDataString(value);
}
