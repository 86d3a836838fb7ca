using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// OAuth 1.0a request signing (RFC 5849 §3.4) with HMAC-SHA256 or HMAC-SHA1: the base string is the method, the
/// URL without query (scheme and host in lower case, the default port left out), and the sorted, percent-encoded
/// query and oauth_* parameters; the JSON body is not signed; the key is the consumer secret and the token secret,
/// each encoded, joined by '&amp;'. Magento's integrations sign with a token (and oauth_version); WooCommerce's
/// one-legged keys sign without a token or version, in the query. A fresh nonce and timestamp per request, so a
/// signed request cannot be replayed.
/// </summary>
public sealed class OAuth1Signer(
    string consumerKey, string consumerSecret, string? token, string? tokenSecret, string signatureMethod, TimeProvider time, bool withVersion = true)
{
    public const string HmacSha256 = "HMAC-SHA256";

    public const string HmacSha1 = "HMAC-SHA1";

    public string SignatureMethod => signatureMethod;

    /// <summary>The oauth_* parameters of a request to <paramref name="url"/> (its query is signed too), oauth_signature last.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Sign(string method, Uri url, long? timestamp = null, string? nonce = null)
    {
        var oauth = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", consumerKey),
            new("oauth_nonce", nonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
            new("oauth_signature_method", signatureMethod),
            new("oauth_timestamp", (timestamp ?? time.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture)),
        };
        if (token is not null)
        {
            oauth.Add(new("oauth_token", token));
        }

        if (withVersion)
        {
            oauth.Add(new("oauth_version", "1.0"));
        }

        oauth.Add(new("oauth_signature", Signature(method, url, oauth, consumerSecret, tokenSecret, signatureMethod)));
        return oauth;
    }

    /// <summary>The Authorization header of a request: <c>OAuth name="value", ...</c>, the parameters in name order.</summary>
    public string AuthorizationHeader(string method, Uri url, long? timestamp = null, string? nonce = null) =>
        "OAuth " + string.Join(", ", Sign(method, url, timestamp, nonce).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\""));

    /// <summary>The base64 HMAC of the signature base string of <paramref name="url"/>'s query and <paramref name="oauth"/>.</summary>
    public static string Signature(
        string method, Uri url, IEnumerable<KeyValuePair<string, string>> oauth, string consumerSecret, string? tokenSecret, string signatureMethod)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = Encoding.ASCII.GetBytes($"{Encode(consumerSecret)}&{Encode(tokenSecret ?? "")}");
        var data = Encoding.ASCII.GetBytes(BaseString(method, url, oauth));
        return Convert.ToBase64String(signatureMethod switch
        {
            HmacSha256 => HMACSHA256.HashData(key, data),
            HmacSha1 => HMACSHA1.HashData(key, data),
            _ => throw new ArgumentException($"'{signatureMethod}' is not {HmacSha256} or {HmacSha1}.", nameof(signatureMethod)),
        });
    }

    /// <summary>The signature base string (RFC 5849 §3.4.1): method, base URL, normalized parameters, each encoded.</summary>
    public static string BaseString(string method, Uri url, IEnumerable<KeyValuePair<string, string>> oauth)
    {
        ArgumentNullException.ThrowIfNull(url);
        var parameters = oauth.Where(p => p.Key != "oauth_signature").Concat(Query(url))
            .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}");
        return $"{method.ToUpperInvariant()}&{Encode(BaseUrl(url))}&{Encode(string.Join("&", parameters))}";
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8: only unreserved characters stay as they are.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
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

    /// <summary>The decoded name/value pairs of a URL's query ('+' read as a space, as forms write it).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Query(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            yield return new(name, value);
        }
    }

    /// <summary>The signature base URL: scheme and host in lower case, the default port left out (RFC 5849 §3.4.1.2).</summary>
    private static string BaseUrl(Uri url)
    {
        var port = url.IsDefaultPort ? "" : ":" + url.Port.ToString(CultureInfo.InvariantCulture);
        return $"{url.Scheme.ToLowerInvariant()}://{url.IdnHost.ToLowerInvariant()}{port}{url.AbsolutePath}";
    }
}
