using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// Checks an OAuth 1.0a <c>Authorization: OAuth ...</c> header as Magento does for an integration (RFC 5849 §3.4):
/// the signature base string is the method, the request URL without its query, and the sorted, percent-encoded query
/// and oauth_* parameters (a JSON body is not part of it); the key is consumer secret &amp; token secret.
/// HMAC-SHA256 and HMAC-SHA1 are accepted. The timestamp must be near the clock and a nonce is used once.
/// </summary>
internal sealed class OAuthRequestVerifier(MagentoSandboxOptions options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> usedNonces = new(StringComparer.Ordinal);

    /// <summary>Null when the request is signed correctly; otherwise Magento's 401 answer.</summary>
    public MagentoError? Verify(HttpRequest request, string header)
    {
        var parameters = ParseHeader(header);
        string Get(string name) => parameters.TryGetValue(name, out var value) ? value : "";

        foreach (var required in new[] { "oauth_consumer_key", "oauth_signature_method", "oauth_signature", "oauth_nonce", "oauth_timestamp", "oauth_token" })
        {
            if (Get(required).Length == 0)
            {
                return new MagentoError(401, "\"%1\" is required. Enter and try again.", [required]);
            }
        }

        if (parameters.TryGetValue("oauth_version", out var version) && version != "1.0")
        {
            return new MagentoError(401, "The \"%1\" is not supported. Enter a supported version and try again.", [version]);
        }

        if (!Fixed(Get("oauth_consumer_key"), options.ConsumerKey) || !Fixed(Get("oauth_token"), options.IntegrationAccessToken))
        {
            return new MagentoError(401, "The consumer isn't authorized to access %resources.", Named: new Dictionary<string, string> { ["resources"] = "integration" });
        }

        var method = Get("oauth_signature_method");
        if (method is not ("HMAC-SHA256" or "HMAC-SHA1"))
        {
            return new MagentoError(401, "Signature method %1 is not supported", [method]);
        }

        var now = options.TimeProvider.GetUtcNow();
        if (!long.TryParse(Get("oauth_timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs((DateTimeOffset.FromUnixTimeSeconds(seconds) - now).TotalSeconds) > options.OAuthTimestampTolerance.TotalSeconds)
        {
            return new MagentoError(401, "The timestamp is out of range. Verify and try again.");
        }

        var expected = Sign(method, request, parameters, options.ConsumerSecret, options.IntegrationAccessTokenSecret);
        if (!Fixed(expected, Get("oauth_signature")))
        {
            return new MagentoError(401, "The signature is invalid. Verify and try again.");
        }

        ForgetOldNonces(now);
        if (!usedNonces.TryAdd(Get("oauth_consumer_key") + "|" + Get("oauth_nonce"), DateTimeOffset.FromUnixTimeSeconds(seconds)))
        {
            return new MagentoError(401, "The nonce is already being used by the consumer with ID %1.", ["1"]);
        }

        return null;
    }

    private static string Sign(string method, HttpRequest request, Dictionary<string, string> oauth, string consumerSecret, string tokenSecret)
    {
        var all = new List<(string Name, string Value)>();
        foreach (var (name, values) in request.Query)
        {
            all.AddRange(values.Select(v => (name, v ?? "")));
        }

        all.AddRange(oauth.Where(p => p.Key is not ("oauth_signature" or "realm")).Select(p => (p.Key, p.Value)));
        var normalized = string.Join("&", all
            .Select(p => (Name: Encode(p.Name), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        var url = $"{request.Scheme.ToLowerInvariant()}://{request.Host.Value!.ToLowerInvariant()}{request.PathBase}{request.Path}";
        var baseString = $"{request.Method.ToUpperInvariant()}&{Encode(url)}&{Encode(normalized)}";
        var key = Encoding.ASCII.GetBytes($"{Encode(consumerSecret)}&{Encode(tokenSecret)}");
        var data = Encoding.ASCII.GetBytes(baseString);
        var hash = method == "HMAC-SHA256" ? HMACSHA256.HashData(key, data) : HMACSHA1.HashData(key, data);
        return Convert.ToBase64String(hash);
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8 (unreserved characters kept), as OAuth 1.0a requires.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, string> ParseHeader(string header)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header["OAuth".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var value = part[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }

            parameters[Uri.UnescapeDataString(part[..equals].Trim())] = Uri.UnescapeDataString(value);
        }

        return parameters;
    }

    private void ForgetOldNonces(DateTimeOffset now)
    {
        foreach (var (nonce, stamp) in usedNonces)
        {
            if (now - stamp > options.OAuthTimestampTolerance * 2)
            {
                usedNonces.TryRemove(nonce, out _);
            }
        }
    }

    private static bool Fixed(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
