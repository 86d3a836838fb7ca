using System.Text;
using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// How WooCommerce wants its REST API keys presented: over HTTPS as HTTP Basic (key:secret); over plain HTTP as
/// one-legged OAuth 1.0a in the query (<see cref="OAuth1Signer"/> without token or oauth_version, the body unsigned),
/// because WordPress refuses Basic credentials over plain HTTP.
/// </summary>
internal sealed class WooCommerceCredentials(string consumerKey, string consumerSecret, string signatureMethod, TimeProvider time) : IChannelCredentials
{
    private const string Masked = "***";

    private readonly OAuth1Signer signer = new(consumerKey, consumerSecret, token: null, tokenSecret: null, signatureMethod, time, withVersion: false);

    public string Kind => "key";

    public SignedRequest Sign(HttpMethod method, Uri url, bool masked = false)
    {
        if (url.Scheme != Uri.UriSchemeHttp)
        {
            var basic = masked ? Masked : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{consumerKey}:{consumerSecret}"));
            return new SignedRequest(url, [new("Authorization", "Basic " + basic)]);
        }

        var oauth = signer.Sign(method.Method, url)
            .Select(p => masked && p.Key is "oauth_consumer_key" or "oauth_signature" ? new KeyValuePair<string, string>(p.Key, Masked) : p);
        var separator = url.Query.Length > 1 ? "&" : url.AbsoluteUri.EndsWith('?') ? "" : "?";
        return new SignedRequest(new Uri(url.AbsoluteUri + separator + WooCommerceTransport.QueryString(oauth)), []);
    }
}
