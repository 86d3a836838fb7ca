namespace ErpBridge.Core.Delivery;

/// <summary>
/// When to try a transiently failed attempt again, and when to give up: one rule for delivery, order push and
/// reconciliation, each with its own numbers. The delay doubles from <paramref name="baseDelay"/> per attempt up to
/// <paramref name="maxDelay"/>. With jitter ("equal jitter") half of it is fixed and half random, so that the retries
/// of a burst spread out but never come sooner than half the schedule. A platform's own Retry-After is a floor.
/// </summary>
/// <param name="maxAttempts">Attempts in all; the attempt with this number is the last.</param>
public sealed class BackoffPolicy(TimeSpan baseDelay, TimeSpan maxDelay, int maxAttempts, bool jitter = true, Random? random = null)
{
    private readonly Random random = random ?? Random.Shared;

    public int MaxAttempts { get; } = maxAttempts;

    /// <param name="attempt">The attempt that just failed, 1 for the first.</param>
    /// <param name="retryAfter">The platform's own wait, when it said one.</param>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ceiling = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(jitter ? (ceiling / 2) + (random.NextDouble() * ceiling / 2) : ceiling);
        return retryAfter is { } platform && platform > delay ? platform : delay;
    }

    /// <summary>Retry after a delay, or give up because <paramref name="attempt"/> was the last one allowed.</summary>
    /// <param name="attempt">The attempt that just failed, 1 for the first.</param>
    public RetryDecision Decide(int attempt, DeliveryOutcome.TransientFailure failure) =>
        attempt >= MaxAttempts
            ? new RetryDecision.GiveUp($"gave up after {attempt} attempts: {failure.Reason}")
            : new RetryDecision.Retry(Delay(attempt, failure.RetryAfter));
}
