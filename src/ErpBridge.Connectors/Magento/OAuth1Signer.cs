using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Signs a request with OAuth 1.0a, HMAC-SHA256 (RFC 5849 §3.4, as Magento's integrations expect): the base string is
/// the method, the URL without query, and the sorted percent-encoded query and oauth_* parameters; the JSON body is not
/// signed. A fresh nonce and timestamp per request, so a signed request cannot be replayed.
/// </summary>
internal sealed class OAuth1Signer(string consumerKey, string consumerSecret, string token, string tokenSecret, TimeProvider time)
{
    public const string Method = "HMAC-SHA256";

    public string Header(HttpMethod method, Uri url)
    {
        var oauth = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["oauth_consumer_key"] = consumerKey,
            ["oauth_nonce"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["oauth_signature_method"] = Method,
            ["oauth_timestamp"] = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["oauth_token"] = token,
            ["oauth_version"] = "1.0",
        };
        oauth["oauth_signature"] = Signature(method, url, oauth);
        return "OAuth " + string.Join(", ", oauth.Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\""));
    }

    public string MaskedHeader() =>
        $"OAuth oauth_consumer_key=\"{Encode(consumerKey)}\", oauth_token=\"***\", oauth_signature_method=\"{Method}\", oauth_signature=\"***\" (nonce and timestamp fresh per request)";

    private string Signature(HttpMethod method, Uri url, IReadOnlyDictionary<string, string> oauth)
    {
        var parameters = oauth.Select(p => (Name: Encode(p.Key), Value: Encode(p.Value))).ToList();
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            parameters.Add((Encode(name), Encode(value)));
        }

        var normalized = string.Join("&", parameters
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        var baseUrl = BaseUrl(url);
        var baseString = $"{method.Method.ToUpperInvariant()}&{Encode(baseUrl)}&{Encode(normalized)}";
        var key = Encoding.ASCII.GetBytes($"{Encode(consumerSecret)}&{Encode(tokenSecret)}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(baseString)));
    }

    /// <summary>The signature base URL: scheme and host in lower case, the default port left out (RFC 5849 §3.4.1.2).</summary>
    private static string BaseUrl(Uri url)
    {
        var port = url.IsDefaultPort ? "" : ":" + url.Port.ToString(CultureInfo.InvariantCulture);
        return $"{url.Scheme.ToLowerInvariant()}://{url.IdnHost.ToLowerInvariant()}{port}{url.AbsolutePath}";
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8: only unreserved characters stay as they are.</summary>
    internal static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
