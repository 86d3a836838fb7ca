namespace ErpBridge.Core.Audits;

/// <summary>
/// The outbox of ALE audits (migration 0010): one row per received document whose outcome is known, holding the audit
/// IDoc exactly as it is sent on every retry, until the ERP has taken it. A row is written once per MessageId, so a
/// restart or a second node never sends a second, different audit for the same document.
/// </summary>
public interface IIdocAuditStore
{
    /// <summary>
    /// Up to <paramref name="max"/> documents of <paramref name="sourceSystem"/> received since <paramref name="since"/>
    /// that have no audit row yet and whose every delivery has ended (Delivered, Failed or Superseded), oldest first.
    /// </summary>
    Task<IReadOnlyList<SettledDocument>> FindSettledAsync(string sourceSystem, DateTimeOffset since, int max, CancellationToken cancellationToken);

    /// <summary>Writes the audit row unless the message has one; false when it had.</summary>
    Task<bool> EnqueueAsync(IdocAuditEntry entry, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> due audits (and those whose claim expired) until <paramref name="now"/> + <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<PendingIdocAudit>> ClaimDueAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records one send's outcome: Sent, due again at its retry time, or Failed for an operator.</summary>
    Task CompleteAsync(IdocAuditCompletion completion, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The audit of one message, for status pages and tests; null when it has none.</summary>
    Task<IdocAuditView?> FindAsync(string messageId, CancellationToken cancellationToken);
}
