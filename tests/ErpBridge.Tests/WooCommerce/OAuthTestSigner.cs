using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Tests.WooCommerce;

/// <summary>
/// OAuth 1.0a one-legged signing written from the WooCommerce authentication docs, apart from both the sandbox's
/// verifier and the connector's signer, so that the tests notice when the two agree on something the docs do not say.
/// </summary>
internal static class OAuthTestSigner
{
    public static string Signature(string method, string url, IEnumerable<(string Name, string Value)> parameters, string secret)
    {
        static string Encode(string text) => Uri.EscapeDataString(text);
        var pairs = parameters.Select(p => $"{Encode(p.Name)}={Encode(p.Value)}").Order(StringComparer.Ordinal);
        var baseString = string.Join("&", method, Encode(url), Encode(string.Join("&", pairs)));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.ASCII.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(baseString)));
    }

    /// <summary>The query of a signed request: the given parameters, the oauth_* ones and the signature.</summary>
    public static string SignedQuery(string method, string url, IEnumerable<(string Name, string Value)> query, string key, string secret,
        long timestamp, string nonce, Func<string, string>? tamper = null)
    {
        var parameters = query.Concat(new (string Name, string Value)[]
        {
            ("oauth_consumer_key", key),
            ("oauth_nonce", nonce),
            ("oauth_signature_method", "HMAC-SHA256"),
            ("oauth_timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }).ToList();
        var signature = Signature(method, url, parameters, secret);
        parameters.Add(("oauth_signature", tamper?.Invoke(signature) ?? signature));
        return string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
    }
}
