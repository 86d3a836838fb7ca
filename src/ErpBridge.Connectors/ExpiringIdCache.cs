using System.Collections.Concurrent;

namespace ErpBridge.Connectors;

/// <summary>
/// Platform ids of one channel by key. Found ids live for <c>foundTtl</c> (minutes); "not found" lives for
/// <c>missingTtl</c> (seconds), so that an item created on the platform is picked up soon, while a burst for an unknown
/// SKU costs one look-up. Each connector keys it its own way.
/// </summary>
internal class ExpiringIdCache<TKey, TValue>(TimeProvider time, TimeSpan foundTtl, TimeSpan missingTtl, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new(comparer);

    /// <summary>True when the cache knows the answer; <paramref name="value"/> is null when the answer is "not found".</summary>
    public bool TryGet(TKey key, out TValue? value)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    public void Found(TKey key, TValue value) => entries[key] = new Entry(value, time.GetUtcNow() + foundTtl);

    public void Missing(TKey key)
    {
        if (missingTtl > TimeSpan.Zero)
        {
            entries[key] = new Entry(null, time.GetUtcNow() + missingTtl);
        }
    }

    public void Forget(TKey key) => entries.TryRemove(key, out _);

    /// <summary>Drops a remembered "not found", so that the next look-up asks the platform again.</summary>
    public void ForgetMissing(TKey key)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Value is null)
        {
            entries.TryRemove(key, out _);
        }
    }

    private readonly record struct Entry(TValue? Value, DateTimeOffset Expires);
}
