namespace ErpBridge.Core.Operators;

/// <summary>One thing an operator did: <paramref name="Action"/> is a stable word (Resubmit, Discard, Pause, Resume, Reconcile).</summary>
public sealed record OperatorAction(long Id, DateTimeOffset At, string Operator, string Action, string? MessageId, string? Channel, string? Detail);
