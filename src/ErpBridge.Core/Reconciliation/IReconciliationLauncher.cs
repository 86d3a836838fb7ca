namespace ErpBridge.Core.Reconciliation;

/// <summary>Starts reconciliation runs on demand (SOAP StartReconciliation); a channel already running keeps its run.</summary>
public interface IReconciliationLauncher
{
    /// <summary>Runs for the channel, or for every channel that can be reconciled; each one started, or the one still running.</summary>
    Task<IReadOnlyList<ReconciliationRun>> StartRunsAsync(string? channel, string trigger, CancellationToken cancellationToken);
}
