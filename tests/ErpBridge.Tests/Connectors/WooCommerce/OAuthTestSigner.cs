using ErpBridge.Connectors.Http;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>
/// One-legged OAuth 1.0a query signing for test requests to the WooCommerce sandbox, with the connector's
/// <see cref="OAuth1Signer"/> (itself checked against the published OAuth example in the connector core's tests), a
/// chosen timestamp and nonce, and a way to tamper with the signature.
/// </summary>
internal static class OAuthTestSigner
{
    public static string Signature(string method, string url, IEnumerable<(string Name, string Value)> parameters, string secret) =>
        OAuth1Signer.Signature(method, new Uri(url), parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)), secret, null, OAuth1Signer.HmacSha256);

    /// <summary>The query of a signed request: the given parameters, the oauth_* ones and the signature.</summary>
    public static string SignedQuery(string method, string url, IEnumerable<(string Name, string Value)> query, string key, string secret,
        long timestamp, string nonce, Func<string, string>? tamper = null)
    {
        var parameters = query.Concat(new (string Name, string Value)[]
        {
            ("oauth_consumer_key", key),
            ("oauth_nonce", nonce),
            ("oauth_signature_method", OAuth1Signer.HmacSha256),
            ("oauth_timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }).ToList();
        var signature = Signature(method, url, parameters, secret);
        parameters.Add(("oauth_signature", tamper?.Invoke(signature) ?? signature));
        return string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
    }
}
