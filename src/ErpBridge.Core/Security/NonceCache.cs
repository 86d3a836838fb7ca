using System.Collections.Concurrent;

namespace ErpBridge.Core.Security;

/// <summary>Remembers UsernameToken nonces for the replay window; a nonce seen twice is a replay.</summary>
public sealed class NonceCache(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private long lastSweepTicks;

    /// <summary>How long a nonce is remembered after its use: twice the window, the longest a token's Created passes the clock check.</summary>
    public TimeSpan Memory => window + window;

    public bool TryUse(string userName, string nonce) => TryUse(Key(userName, nonce));

    /// <summary>Uses the nonce of <see cref="Key"/>; false when it was seen before.</summary>
    public bool TryUse(string key)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        return seen.TryAdd(key, now + Memory);
    }

    /// <summary>One nonce of one user, as remembered here and in an <see cref="INonceStore"/>.</summary>
    public static string Key(string userName, string nonce) => userName + "\n" + nonce;

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
