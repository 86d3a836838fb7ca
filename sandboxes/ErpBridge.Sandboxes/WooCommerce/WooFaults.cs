namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// Injected misbehaviour. WooCommerce itself has no rate limit; a host or WAF in front of it answers 429 or 503,
/// often with Retry-After. The next N API requests fail so, and every API request may be delayed.
/// </summary>
internal sealed class WooFaults
{
    private readonly Lock gate = new();
    private int failuresLeft;
    private int failureStatus = 500;
    private TimeSpan? retryAfter;
    private long delayTicks;

    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref delayTicks));
        set => Interlocked.Exchange(ref delayTicks, value.Ticks);
    }

    public void FailNext(int count, int status, TimeSpan? wait)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        lock (gate)
        {
            failuresLeft = count;
            failureStatus = status;
            retryAfter = wait;
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
