using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>API2Cart's two keys on every request: the account's <c>x-api-key</c> and the connected cart's <c>x-store-key</c>.</summary>
internal sealed class Api2CartCredentials(string apiKey, string storeKey) : IChannelCredentials
{
    public const string ApiKeyHeader = "x-api-key";
    public const string StoreKeyHeader = "x-store-key";

    private readonly KeyValuePair<string, string>[] plain = [new(ApiKeyHeader, apiKey), new(StoreKeyHeader, storeKey)];
    private readonly KeyValuePair<string, string>[] hidden = [new(ApiKeyHeader, "***"), new(StoreKeyHeader, "***")];

    public string Kind => "api-key";

    public SignedRequest Sign(HttpMethod method, Uri url, bool masked = false) => new(url, masked ? hidden : plain);
}
