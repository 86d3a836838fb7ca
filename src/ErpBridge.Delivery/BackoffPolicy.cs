namespace ErpBridge.Delivery;

/// <summary>
/// Exponential backoff with "equal jitter": half the exponential delay fixed, half random, so that retries of a burst
/// spread out but never come sooner than half the schedule. A platform's own Retry-After is a floor.
/// </summary>
public sealed class BackoffPolicy(TimeSpan backoffBase, TimeSpan backoffMax, Random? random = null)
{
    private readonly Random random = random ?? Random.Shared;

    public BackoffPolicy(DeliveryOptions options, Random? random = null)
        : this(options.BackoffBase, options.BackoffMax, random)
    {
    }

    /// <param name="attempt">The attempt that just failed, 1 for the first.</param>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ceiling = Math.Min(backoffBase.TotalMilliseconds * Math.Pow(2, exponent), backoffMax.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
        return retryAfter is { } platform && platform > delay ? platform : delay;
    }
}
