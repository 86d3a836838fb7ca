namespace ErpBridge.Connectors.Http;

/// <summary>A fixed secret in one header: BigCommerce's X-Auth-Token, Shopify's X-Shopify-Access-Token, a bearer token.</summary>
internal sealed class HeaderCredentials(string kind, string header, string value, string masked) : IChannelCredentials
{
    private readonly KeyValuePair<string, string>[] plain = [new(header, value)];
    private readonly KeyValuePair<string, string>[] hidden = [new(header, masked)];

    public string Kind => kind;

    public SignedRequest Sign(HttpMethod method, Uri url, bool masked = false) => new(url, masked ? hidden : plain);

    public static HeaderCredentials Bearer(string token) => new("bearer", "Authorization", "Bearer " + token, "Bearer ***");
}
