namespace ErpBridge.Core.Delivery;

/// <summary>What <see cref="BackoffPolicy.Decide(int, TimeSpan, DeliveryOutcome.TransientFailure)"/> makes of a transient failure.</summary>
public abstract record RetryDecision
{
    private RetryDecision()
    {
    }

    /// <summary>Try again after <paramref name="Delay"/>.</summary>
    public sealed record Retry(TimeSpan Delay) : RetryDecision;

    /// <summary>The attempts are used up; <paramref name="Reason"/> says so and carries the last failure's reason.</summary>
    public sealed record GiveUp(string Reason) : RetryDecision;
}
