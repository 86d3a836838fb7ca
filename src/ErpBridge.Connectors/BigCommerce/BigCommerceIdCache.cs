using System.Collections.Concurrent;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// Platform ids by (kind, key) for one channel. Found ids live for minutes; "not found" lives for seconds, so that a
/// product created in the control panel is picked up soon, while a burst for an unknown SKU costs one look-up.
/// </summary>
internal sealed class BigCommerceIdCache(TimeProvider time, TimeSpan foundTtl, TimeSpan missingTtl)
{
    private readonly ConcurrentDictionary<ReferenceKey, Entry> entries = new();

    /// <summary>True when the cache knows the answer; <paramref name="id"/> is null when the answer is "not found".</summary>
    public bool TryGet(ReferenceKey key, out string? id)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow())
        {
            id = entry.Id;
            return true;
        }

        id = null;
        return false;
    }

    public void Found(ReferenceKey key, string id) => entries[key] = new Entry(id, time.GetUtcNow() + foundTtl);

    public void Missing(ReferenceKey key)
    {
        if (missingTtl > TimeSpan.Zero)
        {
            entries[key] = new Entry(null, time.GetUtcNow() + missingTtl);
        }
    }

    public void Forget(ReferenceKey key) => entries.TryRemove(key, out _);

    /// <summary>Drops a remembered "not found", so that the next resolve asks the platform again.</summary>
    public void ForgetMissing(ReferenceKey key)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Id is null)
        {
            entries.TryRemove(key, out _);
        }
    }

    private readonly record struct Entry(string? Id, DateTimeOffset Expires);
}
