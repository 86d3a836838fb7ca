namespace ErpBridge.Core.Audits;

/// <summary>A claimed audit: the ERP endpoint it goes to, its MessageId there, the audit IDoc and the attempts so far.</summary>
public sealed record PendingIdocAudit(string MessageId, string Endpoint, string AuditMessageId, string Document, int Attempts);
