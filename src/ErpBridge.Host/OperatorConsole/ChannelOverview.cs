using ErpBridge.Core.Delivery;
using ErpBridge.Core.Reconciliation;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>
/// One channel as the overview shows it. <paramref name="OldestDueAge"/>: how long its longest-waiting due delivery has
/// waited; <paramref name="LastError"/>: the newest dead letter's reason; <paramref name="PollingLag"/>: since its orders
/// were last polled (null before the first poll).
/// </summary>
public sealed record ChannelOverview(
    string Name,
    string Platform,
    ChannelPause? Pause,
    long Backlog,
    TimeSpan OldestDueAge,
    long DeliveredLastHour,
    int DeadLetters,
    string? LastError,
    long RateLimitedLastHour,
    TimeSpan? PollingLag,
    ReconciliationRun? LastReconciliation);
