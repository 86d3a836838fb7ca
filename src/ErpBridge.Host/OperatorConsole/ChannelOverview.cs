using ErpBridge.Core.Delivery;
using ErpBridge.Core.Reconciliation;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>One channel as the overview shows it. <paramref name="PollingLag"/>: how far the order cursor is behind now (null before the first poll).</summary>
public sealed record ChannelOverview(
    string Name,
    string Platform,
    ChannelPause? Pause,
    long Backlog,
    long Retrying,
    long Delivered,
    long DeadLetters,
    TimeSpan? PollingLag,
    ReconciliationRun? LastReconciliation);
