namespace ErpBridge.Sandboxes.Shopify;

/// <summary>Failures injected on purpose: the next N requests get an HTTP error, every request waits a while.</summary>
internal sealed class ShopifyFaults
{
    private readonly object gate = new();
    private int failCount;
    private int failStatus = 500;

    public TimeSpan Delay { get; set; }

    public void FailNext(int count, int status)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            failCount = count;
            failStatus = status;
        }
    }

    /// <summary>The status to fail this request with, or null to serve it.</summary>
    public int? TakeFailure()
    {
        lock (gate)
        {
            if (failCount == 0)
            {
                return null;
            }

            failCount--;
            return failStatus;
        }
    }
}
