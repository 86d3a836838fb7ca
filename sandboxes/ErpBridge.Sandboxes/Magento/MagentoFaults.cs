namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// Injected misbehaviour. Magento core has no rate limit on the admin REST API, but a proxy, WAF or CDN in front of it
/// may answer 429 or 503: the next N API requests fail with a chosen status (and Retry-After), a fixed-window rate
/// limit such a proxy enforces (429 with Retry-After beyond it), and every request may be delayed.
/// </summary>
internal sealed class MagentoFaults
{
    private readonly Lock gate = new();
    private int failuresLeft;
    private int failureStatus = 500;
    private TimeSpan? retryAfter;
    private long delayTicks;
    private int limit;
    private TimeSpan limitWindow;
    private DateTimeOffset windowStart;
    private int usedInWindow;

    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref delayTicks));
        set => Interlocked.Exchange(ref delayTicks, value.Ticks);
    }

    public void FailNext(int count, int status, TimeSpan? retryAfterValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        lock (gate)
        {
            failuresLeft = count;
            failureStatus = status;
            retryAfter = retryAfterValue;
        }
    }

    /// <summary>At most <paramref name="requests"/> API requests per fixed <paramref name="window"/>; 0 turns the limit off.</summary>
    public void RateLimit(int requests, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        if (requests > 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        }

        lock (gate)
        {
            limit = requests;
            limitWindow = window;
            windowStart = DateTimeOffset.MinValue;
            usedInWindow = 0;
        }
    }

    /// <summary>Counts this request against the rate limit; when it is over, how long until the window resets.</summary>
    public TimeSpan? TakeRateLimited(DateTimeOffset now)
    {
        lock (gate)
        {
            if (limit == 0)
            {
                return null;
            }

            if (now - windowStart >= limitWindow)
            {
                windowStart = now;
                usedInWindow = 0;
            }

            if (usedInWindow >= limit)
            {
                return windowStart + limitWindow - now;
            }

            usedInWindow++;
            return null;
        }
    }

    /// <summary>The status (and Retry-After) this request must fail with, or null.</summary>
    public (int Status, TimeSpan? RetryAfter)? TakeFailure()
    {
        lock (gate)
        {
            if (failuresLeft == 0)
            {
                return null;
            }

            failuresLeft--;
            return (failureStatus, retryAfter);
        }
    }
}
