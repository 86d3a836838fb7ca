namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>Injected misbehaviour: the next N API requests fail with a status, and every API request may be delayed.</summary>
internal sealed class SandboxFaults
{
    private readonly Lock gate = new();
    private int failuresLeft;
    private int failureStatus = 500;
    private long delayTicks;

    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref delayTicks));
        set => Interlocked.Exchange(ref delayTicks, value.Ticks);
    }

    public void FailNext(int count, int status)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        lock (gate)
        {
            failuresLeft = count;
            failureStatus = status;
        }
    }

    /// <summary>The status this request must fail with, or null.</summary>
    public int? TakeFailure()
    {
        if (Volatile.Read(ref failuresLeft) == 0)
        {
            return null;
        }

        lock (gate)
        {
            if (failuresLeft == 0)
            {
                return null;
            }

            failuresLeft--;
            return failureStatus;
        }
    }
}
