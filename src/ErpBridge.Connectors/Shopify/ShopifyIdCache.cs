using System.Collections.Concurrent;

namespace ErpBridge.Connectors.Shopify;

/// <summary>Platform ids of one channel by (kind, key), found ones kept for minutes, "not found" for seconds.</summary>
internal sealed class ShopifyIdCache(ShopifyConnectorSettings settings)
{
    private readonly ConcurrentDictionary<(string Kind, string Key), (string? Id, DateTimeOffset Expires)> entries = new();

    /// <summary>True when the cache has a live answer; <paramref name="id"/> is null for a remembered "not found".</summary>
    public bool TryGet(string kind, string key, out string? id)
    {
        if (entries.TryGetValue((kind, key), out var entry) && entry.Expires > settings.TimeProvider.GetUtcNow())
        {
            id = entry.Id;
            return true;
        }

        id = null;
        return false;
    }

    public void Found(string kind, string key, string id) =>
        entries[(kind, key)] = (id, settings.TimeProvider.GetUtcNow() + settings.FoundTtl);

    /// <summary>Drops a remembered "not found", so that the next load asks the platform again.</summary>
    public void ForgetMissing(string kind, string key)
    {
        if (entries.TryGetValue((kind, key), out var entry) && entry.Id is null)
        {
            entries.TryRemove((kind, key), out _);
        }
    }

    public void Missing(string kind, string key) =>
        entries[(kind, key)] = (null, settings.TimeProvider.GetUtcNow() + settings.MissingTtl);
}
