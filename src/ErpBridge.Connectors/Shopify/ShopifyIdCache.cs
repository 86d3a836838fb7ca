namespace ErpBridge.Connectors.Shopify;

/// <summary>Platform ids of one Shopify channel by (kind, key).</summary>
internal sealed class ShopifyIdCache(ShopifyConnectorOptions options)
    : ExpiringIdCache<(string Kind, string Key), string>(options.TimeProvider, options.FoundTtl, options.MissingTtl)
{
    public bool TryGet(string kind, string key, out string? id) => TryGet((kind, key), out id);

    public void Found(string kind, string key, string id) => Found((kind, key), id);

    public void Missing(string kind, string key) => Missing((kind, key));

    public void ForgetMissing(string kind, string key) => ForgetMissing((kind, key));
}
