namespace ErpBridge.Core.Retention;

/// <summary>
/// What the retention purge finds and deletes, each call one short write of at most the given number of rows, so
/// that intake and delivery go on between them. Every delete checks its rows again: nothing undelivered, no dead
/// letter, no order the ERP has not acknowledged and nothing a running reconciliation reads ever goes.
/// </summary>
public interface IRetentionStore
{
    /// <summary>
    /// Up to <paramref name="max"/> messages after <paramref name="after"/> (received time, then MessageId) received
    /// before <paramref name="before"/> whose deliveries all ended Delivered or Superseded before it, with no failed
    /// item, and that are not the newest delivered state of any item.
    /// </summary>
    Task<IReadOnlyList<MessageKey>> FindDeliveredMessagesAsync(DateTimeOffset before, MessageKey after, int max, CancellationToken cancellationToken);

    /// <summary>Deletes those of <paramref name="messageIds"/> that are still delivered messages, with their deliveries, items and audit rows.</summary>
    /// <returns>The rows deleted, over all tables.</returns>
    Task<int> PurgeDeliveredMessagesAsync(IReadOnlyList<string> messageIds, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> orders acknowledged and unchanged since before <paramref name="before"/>.</summary>
    Task<int> PurgeAcknowledgedOrdersAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> ALE audits sent (or NotIdoc) created before <paramref name="before"/>.</summary>
    Task<int> PurgeSentIdocAuditsAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);

    /// <summary>Reconciliation runs finished before <paramref name="before"/> that are not the latest finished run of their channel.</summary>
    Task<IReadOnlyList<long>> FindOldReconciliationRunsAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> rows of an old run: its levels, then its findings, then the run itself.</summary>
    /// <returns>The rows deleted; fewer than <paramref name="max"/> once the run is gone (or is no longer old).</returns>
    Task<int> PurgeReconciliationRunAsync(long runId, DateTimeOffset before, int max, CancellationToken cancellationToken);
}
