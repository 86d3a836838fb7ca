namespace ErpBridge.Host.Retention;

/// <summary>One purge run as /status shows it: when it started and ended, each kind's result, and the error that ended it early.</summary>
public sealed record PurgeReport(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, IReadOnlyList<PurgeKindResult> Kinds, string? Error);
