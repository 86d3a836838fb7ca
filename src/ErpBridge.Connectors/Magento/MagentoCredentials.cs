namespace ErpBridge.Connectors.Magento;

/// <summary>
/// How a channel authenticates: an admin (or integration, where the store allows it) token as a bearer, or an
/// integration's four OAuth 1.0a credentials signing every request, which Magento 2.4.4+ requires by default.
/// </summary>
internal abstract class MagentoCredentials
{
    /// <summary>"bearer" or "oauth1", for messages.</summary>
    public abstract string Kind { get; }

    /// <summary>The Authorization header value for this request.</summary>
    public abstract string Authorize(HttpMethod method, Uri url);

    /// <summary>The Authorization header as a dry run shows it: the scheme, the secrets masked.</summary>
    public abstract string Masked { get; }

    /// <summary>The credentials <paramref name="options"/> describe; OAuth 1.0a when all four integration values are set.</summary>
    public static MagentoCredentials From(Core.Routing.ChannelOptions options, TimeProvider time)
    {
        var token = options.AccessToken!;
        return options is { ConsumerKey.Length: > 0, ConsumerSecret.Length: > 0, AccessTokenSecret.Length: > 0 }
            ? new OAuthCredentials(new OAuth1Signer(options.ConsumerKey, options.ConsumerSecret, token, options.AccessTokenSecret, time))
            : new BearerCredentials(token);
    }

    private sealed class BearerCredentials(string token) : MagentoCredentials
    {
        public override string Kind => "bearer";

        public override string Masked => "Bearer ***";

        public override string Authorize(HttpMethod method, Uri url) => "Bearer " + token;
    }

    private sealed class OAuthCredentials(OAuth1Signer signer) : MagentoCredentials
    {
        public override string Kind => "oauth1";

        public override string Masked => signer.MaskedHeader();

        public override string Authorize(HttpMethod method, Uri url) => signer.Header(method, url);
    }
}
