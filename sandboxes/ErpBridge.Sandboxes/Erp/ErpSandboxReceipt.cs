namespace ErpBridge.Sandboxes.Erp;

/// <summary>One answered hand-over: what was asked (MessageId, ChangeType) and what the ERP answered.</summary>
public sealed record ErpSandboxReceipt(
    string MessageId,
    string ChangeType,
    string DocumentNumber,
    string Status,
    DateTimeOffset ReceivedAt);
