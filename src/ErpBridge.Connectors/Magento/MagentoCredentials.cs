using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// How a Magento channel authenticates: an admin (or integration, where the store allows it) token as a bearer, or an
/// integration's four OAuth 1.0a credentials signing every request (<see cref="OAuth1Signer"/>, HMAC-SHA256 as
/// Magento's integrations expect), which Magento 2.4.4+ requires by default.
/// </summary>
internal static class MagentoCredentials
{
    /// <summary>The credentials <paramref name="options"/> describe; OAuth 1.0a when all four integration values are set.</summary>
    public static IChannelCredentials From(Core.Routing.ChannelOptions options, TimeProvider time)
    {
        var token = options.AccessToken!;
        return options is { ConsumerKey.Length: > 0, ConsumerSecret.Length: > 0, AccessTokenSecret.Length: > 0 }
            ? new Signed(options.ConsumerKey, new OAuth1Signer(options.ConsumerKey, options.ConsumerSecret, token, options.AccessTokenSecret, OAuth1Signer.HmacSha256, time))
            : HeaderCredentials.Bearer(token);
    }

    private sealed class Signed(string consumerKey, OAuth1Signer signer) : IChannelCredentials
    {
        public string Kind => "oauth1";

        public SignedRequest Sign(HttpMethod method, Uri url, bool masked = false) => new(url, [new("Authorization", masked
            ? $"OAuth oauth_consumer_key=\"{OAuth1Signer.Encode(consumerKey)}\", oauth_token=\"***\", oauth_signature_method=\"{signer.SignatureMethod}\", oauth_signature=\"***\" (nonce and timestamp fresh per request)"
            : signer.AuthorizationHeader(method.Method, url))]);
    }
}
