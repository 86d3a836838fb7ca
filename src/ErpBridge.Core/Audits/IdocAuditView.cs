namespace ErpBridge.Core.Audits;

/// <summary>An audit row as stored.</summary>
public sealed record IdocAuditView(
    string MessageId,
    string SourceSystem,
    string State,
    string? IdocStatus,
    string? Document,
    int Attempts,
    string? ErpIdocNumber,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt);
