namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// A host's or WAF's request limit in front of the shop: at most <c>quota</c> API requests per fixed window, beyond
/// which it answers 429 with Retry-After (the seconds left in the window) before WordPress sees the request.
/// WooCommerce has no limit of its own, so this is off until <see cref="Configure"/> turns it on.
/// </summary>
internal sealed class WooHostRateLimit(TimeProvider time)
{
    private readonly Lock gate = new();
    private int quota;
    private TimeSpan window;
    private DateTimeOffset windowStart;
    private int used;
    private long refused;

    /// <summary>Requests answered 429 by the limit since the sandbox started.</summary>
    public long Refused => Interlocked.Read(ref refused);

    /// <summary>Turns the limit on with <paramref name="requests"/> per <paramref name="per"/>; 0 requests turns it off.</summary>
    public void Configure(int requests, TimeSpan per)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(per, TimeSpan.Zero);
        lock (gate)
        {
            quota = requests;
            window = per;
            windowStart = time.GetUtcNow();
            used = 0;
        }
    }

    /// <summary>Null when the request may pass; otherwise how long until the window resets.</summary>
    public TimeSpan? Take()
    {
        lock (gate)
        {
            if (quota == 0)
            {
                return null;
            }

            var now = time.GetUtcNow();
            if (now - windowStart >= window)
            {
                windowStart = now;
                used = 0;
            }

            if (used < quota)
            {
                used++;
                return null;
            }

            Interlocked.Increment(ref refused);
            return windowStart + window - now;
        }
    }
}
