using ErpBridge.Core.Retention;

namespace ErpBridge.Tests.Host.Retention;

/// <summary>A retention store that records the size of every batch it passes on to the real one.</summary>
public sealed class CountingRetentionStore(IRetentionStore inner) : IRetentionStore
{
    public List<int> MessageBatches { get; } = [];

    public int Searches { get; private set; }

    public async Task<IReadOnlyList<MessageKey>> FindDeliveredMessagesAsync(DateTimeOffset before, MessageKey after, int max, CancellationToken cancellationToken)
    {
        Searches++;
        return await inner.FindDeliveredMessagesAsync(before, after, max, cancellationToken);
    }

    public Task<int> PurgeDeliveredMessagesAsync(IReadOnlyList<string> messageIds, DateTimeOffset before, CancellationToken cancellationToken)
    {
        MessageBatches.Add(messageIds.Count);
        return inner.PurgeDeliveredMessagesAsync(messageIds, before, cancellationToken);
    }

    public Task<int> PurgeAcknowledgedOrdersAsync(DateTimeOffset before, int max, CancellationToken cancellationToken) =>
        inner.PurgeAcknowledgedOrdersAsync(before, max, cancellationToken);

    public Task<int> PurgeSentIdocAuditsAsync(DateTimeOffset before, int max, CancellationToken cancellationToken) =>
        inner.PurgeSentIdocAuditsAsync(before, max, cancellationToken);

    public Task<IReadOnlyList<long>> FindOldReconciliationRunsAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        inner.FindOldReconciliationRunsAsync(before, cancellationToken);

    public Task<int> PurgeReconciliationRunAsync(long runId, DateTimeOffset before, int max, CancellationToken cancellationToken) =>
        inner.PurgeReconciliationRunAsync(runId, before, max, cancellationToken);
}
