using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// How WooCommerce wants its REST API keys presented: over HTTPS as HTTP Basic (key:secret); over plain HTTP as
/// one-legged OAuth 1.0a in the query: HMAC over the method, the URL without query and the sorted, percent-encoded
/// query parameters with oauth_consumer_key, oauth_nonce, oauth_signature_method and oauth_timestamp (no
/// oauth_version, body unsigned), keyed with the consumer secret followed by '&amp;'.
/// </summary>
internal sealed class WooCommerceAuthenticator(string consumerKey, string consumerSecret, string signatureMethod, TimeProvider time)
{
    private const string Masked = "***";

    public bool UsesOAuth(Uri url) => url.Scheme == Uri.UriSchemeHttp;

    /// <summary>The query to send (the call's own plus, over HTTP, the oauth_* parameters) and the Authorization header, if any.</summary>
    public (IReadOnlyList<KeyValuePair<string, string>> Query, AuthenticationHeaderValue? Header) Authenticate(
        string method, Uri urlWithoutQuery, IReadOnlyList<KeyValuePair<string, string>> query, bool masked = false)
    {
        if (!UsesOAuth(urlWithoutQuery))
        {
            var basic = masked ? Masked : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{consumerKey}:{consumerSecret}"));
            return (query, new AuthenticationHeaderValue("Basic", basic));
        }

        var signed = new List<KeyValuePair<string, string>>(query)
        {
            new("oauth_consumer_key", consumerKey),
            new("oauth_nonce", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
            new("oauth_signature_method", signatureMethod),
            new("oauth_timestamp", time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        var signature = Signature(method, urlWithoutQuery.AbsoluteUri, signed, consumerSecret, signatureMethod);
        signed.Add(new("oauth_signature", signature));
        if (masked)
        {
            signed = signed.Select(p => p.Key is "oauth_consumer_key" or "oauth_signature" ? new KeyValuePair<string, string>(p.Key, Masked) : p).ToList();
        }

        return (signed, null);
    }

    /// <summary>The base64 HMAC of the OAuth 1.0a signature base string.</summary>
    public static string Signature(string method, string baseUrl, IEnumerable<KeyValuePair<string, string>> parameters, string secret, string signatureMethod)
    {
        var normalized = string.Join("&", parameters
            .Select(p => (Key: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        var baseString = $"{method.ToUpperInvariant()}&{Uri.EscapeDataString(baseUrl)}&{Uri.EscapeDataString(normalized)}";
        var key = Encoding.UTF8.GetBytes(secret + "&");
        var data = Encoding.UTF8.GetBytes(baseString);
        return Convert.ToBase64String(signatureMethod == "HMAC-SHA1" ? HMACSHA1.HashData(key, data) : HMACSHA256.HashData(key, data));
    }

    /// <summary>A query string as WooCommerce's own examples write it: commas of SKU lists left readable.</summary>
    public static string QueryString(IEnumerable<KeyValuePair<string, string>> query) =>
        string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value).Replace("%2C", ",", StringComparison.Ordinal)}"));
}
