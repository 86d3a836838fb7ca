namespace ErpBridge.Core.Audits;

/// <summary>
/// A new audit row. <paramref name="State"/> is <see cref="IdocAuditState.Pending"/> with the audit IDoc in
/// <paramref name="Document"/>, or <see cref="IdocAuditState.NotIdoc"/> (no document, nothing to send) for a document
/// without IDoc control records, so that it is not looked at again.
/// </summary>
public sealed record IdocAuditEntry(
    string MessageId,
    string SourceSystem,
    string? Endpoint,
    string? AuditMessageId,
    string? IdocStatus,
    string? Document,
    IdocAuditState State);
