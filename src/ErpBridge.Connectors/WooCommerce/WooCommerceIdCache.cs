using System.Collections.Concurrent;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// What each SKU names on one channel. Found items live for minutes; "not found" lives for seconds, so that a product
/// created in wp-admin is picked up soon, while a burst for an unknown SKU costs one look-up.
/// </summary>
internal sealed class WooCommerceIdCache(TimeProvider time, TimeSpan foundTtl, TimeSpan missingTtl)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>True when the cache knows the answer; <paramref name="item"/> is null when the answer is "not found".</summary>
    public bool TryGet(string sku, out WooCatalogItem? item)
    {
        if (entries.TryGetValue(sku, out var entry) && entry.Expires > time.GetUtcNow())
        {
            item = entry.Item;
            return true;
        }

        item = null;
        return false;
    }

    public void Found(string sku, WooCatalogItem item) => entries[sku] = new Entry(item, time.GetUtcNow() + foundTtl);

    public void Missing(string sku)
    {
        if (missingTtl > TimeSpan.Zero)
        {
            entries[sku] = new Entry(null, time.GetUtcNow() + missingTtl);
        }
    }

    public void Forget(string sku) => entries.TryRemove(sku, out _);

    /// <summary>Drops a remembered "not found", so that the next resolve asks the store again.</summary>
    public void ForgetMissing(string sku)
    {
        if (entries.TryGetValue(sku, out var entry) && entry.Item is null)
        {
            entries.TryRemove(sku, out _);
        }
    }

    private readonly record struct Entry(WooCatalogItem? Item, DateTimeOffset Expires);
}
