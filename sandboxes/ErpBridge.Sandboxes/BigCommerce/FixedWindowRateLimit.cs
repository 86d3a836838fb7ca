namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// BigCommerce's store-wide quota: a fixed number of requests per window, refreshed when the window ends.
/// When disabled, requests are never refused and the headers report a quota no client could use up, as an unlimited
/// plan would (advertising the configured quota without enforcing it would make a well-behaved client pace to it).
/// </summary>
internal sealed class FixedWindowRateLimit(TimeProvider time, bool enabled, int quota, TimeSpan window)
{
    private readonly Lock gate = new();
    private bool enabled = enabled;
    private int quota = quota;
    private TimeSpan window = window;
    private DateTimeOffset windowStart = time.GetUtcNow();
    private int used;
    private long refused;

    /// <summary>Requests refused with 429 so far (for benchmarks of a client's pacing).</summary>
    public long Refused => Interlocked.Read(ref refused);

    public void Configure(bool enabled, int? quota, TimeSpan? window)
    {
        lock (gate)
        {
            this.enabled = enabled;
            this.quota = quota ?? this.quota;
            this.window = window ?? this.window;
            windowStart = time.GetUtcNow();
            used = 0;
        }
    }

    /// <summary>Counts one request against the window, unless it is used up (then <see cref="RateLimitState.Allowed"/> is false).</summary>
    public RateLimitState Take() => Observe(consume: true);

    /// <summary>The current window without counting a request (for responses refused before the quota applies).</summary>
    public RateLimitState Peek() => Observe(consume: false);

    public RateLimitSettings Settings
    {
        get
        {
            lock (gate)
            {
                return new RateLimitSettings(enabled, quota, window);
            }
        }
    }

    private RateLimitState Observe(bool consume)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now - windowStart >= window)
            {
                // Windows are aligned to the first one, so that a client reading the reset header can wait exactly.
                var elapsedWindows = (long)((now - windowStart) / window);
                windowStart += window * elapsedWindows;
                used = 0;
            }

            var resetMs = (long)Math.Ceiling((windowStart + window - now).TotalMilliseconds);
            var windowMs = (long)window.TotalMilliseconds;
            if (!enabled)
            {
                return new RateLimitState(true, int.MaxValue, int.MaxValue, windowMs, resetMs);
            }

            if (used >= quota)
            {
                if (consume)
                {
                    refused++;
                }

                return new RateLimitState(false, 0, quota, windowMs, resetMs);
            }

            if (consume)
            {
                used++;
            }

            return new RateLimitState(true, quota - used, quota, windowMs, resetMs);
        }
    }
}
