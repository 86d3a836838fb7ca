using System.Collections.Concurrent;

namespace ErpBridge.Core.Security;

/// <summary>Remembers UsernameToken nonces for the replay window; a nonce seen twice is a replay.</summary>
public sealed class NonceCache(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private long lastSweepTicks;

    public bool TryUse(string userName, string nonce)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        return seen.TryAdd(userName + "\n" + nonce, now + window + window);
    }

    private void Sweep(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref lastSweepTicks);
        if (now.UtcTicks - last < window.Ticks / 4 || Interlocked.CompareExchange(ref lastSweepTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (key, expires) in seen)
        {
            if (expires < now)
            {
                seen.TryRemove(key, out _);
            }
        }
    }
}
