namespace ErpBridge.Sandboxes.Erp;

/// <summary>An ALE audit IDoc (ALEAUD01) the sandbox ERP took: its own IDoc number for it, what it confirms, and the IDoc as received.</summary>
public sealed record ErpSandboxAudit(
    string MessageId,
    string IdocNumber,
    IReadOnlyList<ErpSandboxAuditConfirmation> Confirmations,
    string Content,
    DateTimeOffset ReceivedAt);
