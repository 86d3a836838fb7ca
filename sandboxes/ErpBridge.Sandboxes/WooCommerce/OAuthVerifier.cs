using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// WooCommerce's one-legged OAuth 1.0a over plain HTTP: the oauth_* parameters travel in the query; the signature is
/// an HMAC (SHA1 or SHA256, key = consumer secret + '&amp;') over the method, the request URL without its query and the
/// sorted, percent-encoded query parameters (oauth_signature excluded, body not signed). The timestamp must be within
/// the window and a nonce may be used once per consumer key and timestamp.
/// </summary>
internal sealed class OAuthVerifier(WooCommerceSandboxOptions options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> usedNonces = new(StringComparer.Ordinal);

    /// <summary>Null when the request is signed correctly by the store's key; else the error WooCommerce answers.</summary>
    public WooError? Verify(HttpRequest request)
    {
        var query = request.Query;
        if (!query.ContainsKey("oauth_consumer_key"))
        {
            return new WooError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        }

        foreach (var name in new[] { "oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method" })
        {
            if (string.IsNullOrEmpty(query[name]))
            {
                return WooError.Authentication($"Missing OAuth parameter {name}");
            }
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(query["oauth_consumer_key"].ToString()), Encoding.UTF8.GetBytes(options.ConsumerKey)))
        {
            return WooError.Authentication("Consumer key is invalid.");
        }

        var method = query["oauth_signature_method"].ToString();
        if (method is not ("HMAC-SHA1" or "HMAC-SHA256"))
        {
            return WooError.Authentication("Invalid signature method - the method is not supported");
        }

        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var parameters = query.Where(q => q.Key != "oauth_signature").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? "")));
        var expected = Sign(request.Method, baseUrl, parameters, options.ConsumerSecret, method);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(query["oauth_signature"].ToString())))
        {
            return WooError.Authentication("Invalid signature - provided signature does not match.");
        }

        var now = options.TimeProvider.GetUtcNow();
        if (!long.TryParse(query["oauth_timestamp"], out var seconds)
            || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).TotalSeconds) > options.TimestampWindow.TotalSeconds)
        {
            return WooError.Authentication("Invalid timestamp.");
        }

        Forget(now);
        if (!usedNonces.TryAdd($"{seconds}:{query["oauth_nonce"]}", now))
        {
            return WooError.Authentication("Invalid nonce - nonce has already been used.");
        }

        return null;
    }

    /// <summary>The base64 signature of a request, as the client must compute it.</summary>
    public static string Sign(string httpMethod, string baseUrl, IEnumerable<KeyValuePair<string, string>> parameters, string consumerSecret, string signatureMethod)
    {
        var normalized = string.Join("&", parameters
            .Select(p => (Key: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        var text = $"{httpMethod.ToUpperInvariant()}&{Uri.EscapeDataString(baseUrl)}&{Uri.EscapeDataString(normalized)}";
        var key = Encoding.UTF8.GetBytes(consumerSecret + "&");
        var data = Encoding.UTF8.GetBytes(text);
        return Convert.ToBase64String(signatureMethod == "HMAC-SHA1" ? HMACSHA1.HashData(key, data) : HMACSHA256.HashData(key, data));
    }

    /// <summary>Nonces older than the window cannot be replayed anyway (the timestamp check refuses them).</summary>
    private void Forget(DateTimeOffset now)
    {
        if (usedNonces.Count < 10_000)
        {
            return;
        }

        foreach (var entry in usedNonces.Where(e => now - e.Value > options.TimestampWindow))
        {
            usedNonces.TryRemove(entry.Key, out _);
        }
    }
}
