using System.Globalization;

namespace ErpBridge.Core.Delivery;

/// <summary>
/// When to try a transiently failed attempt again, and when to give up: one rule for delivery, order push and
/// reconciliation, each with its own numbers. The delay doubles from <paramref name="baseDelay"/> per attempt up to
/// <paramref name="maxDelay"/>. With jitter ("equal jitter") half of it is fixed and half random, so that the retries
/// of a burst spread out but never come sooner than half the schedule. A platform's own Retry-After is a floor.
/// </summary>
/// <param name="maxAttempts">Attempts in all; the attempt with this number is the last. 0: no limit on the count (<paramref name="maxAge"/> decides).</param>
/// <param name="maxAge">How long after its retries began a failing piece of work is still retried (null: no limit on the age).</param>
public sealed class BackoffPolicy(TimeSpan baseDelay, TimeSpan maxDelay, int maxAttempts, bool jitter = true, Random? random = null, TimeSpan? maxAge = null)
{
    private readonly Random random = random ?? Random.Shared;

    public int MaxAttempts { get; } = maxAttempts;

    public TimeSpan? MaxAge { get; } = maxAge;

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
    public RetryDecision Decide(int attempt, DeliveryOutcome.TransientFailure failure) => Decide(attempt, TimeSpan.Zero, failure);

    /// <summary>
    /// Retry after a delay, or give up because <paramref name="attempt"/> was the last one allowed or the next try
    /// would come later than <see cref="MaxAge"/> after the retries began.
    /// </summary>
    /// <param name="attempt">The attempt that just failed, 1 for the first.</param>
    /// <param name="age">How long ago the retries began (acceptance, or the last resubmit).</param>
    public RetryDecision Decide(int attempt, TimeSpan age, DeliveryOutcome.TransientFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (MaxAttempts > 0 && attempt >= MaxAttempts)
        {
            return new RetryDecision.GiveUp($"gave up after {attempt} attempts: {failure.Reason}");
        }

        var delay = Delay(attempt, failure.RetryAfter);
        if (MaxAge is { } limit && age + delay > limit)
        {
            return new RetryDecision.GiveUp($"gave up after {attempt} attempts over {Describe(age)} (retried for at most {Describe(limit)}): {failure.Reason}");
        }

        return new RetryDecision.Retry(delay);
    }

    /// <summary>A span as an operator reads it: days, hours or minutes.</summary>
    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} day(s)")
        : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hour(s)")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(span.TotalMinutes, 0):0.#} minute(s)");
}
