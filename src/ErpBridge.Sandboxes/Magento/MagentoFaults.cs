namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// Injected misbehaviour. Magento core has no rate limit on the admin REST API, but a proxy, WAF or CDN in front of it
/// may answer 429 or 503: the next N API requests fail with a chosen status (and Retry-After), and every request may be delayed.
/// </summary>
internal sealed class MagentoFaults
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
