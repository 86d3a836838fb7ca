namespace ErpBridge.Delivery;

/// <summary>
/// Exponential backoff with "equal jitter": half the exponential delay fixed, half random, so that retries of a burst
/// spread out but never come sooner than half the schedule. A platform's own Retry-After is a floor.
/// </summary>
public sealed class BackoffPolicy(DeliveryOptions options, Random? random = null)
{
    private readonly Random random = random ?? Random.Shared;

    /// <param name="attempt">The attempt that just failed, 1 for the first.</param>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ceiling = Math.Min(options.BackoffBase.TotalMilliseconds * Math.Pow(2, exponent), options.BackoffMax.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
        return retryAfter is { } platform && platform > delay ? platform : delay;
    }
}
