namespace ErpBridge.Sandboxes.Erp;

/// <summary>
/// One E1STATE of an audit: the ERP's own IDoc number (<paramref name="DocNum"/>), its message type, the status the
/// receiver reports (41, 40, 51, ...) and the status text, as SAP's IDoc monitor would show them.
/// </summary>
public sealed record ErpSandboxAuditConfirmation(string DocNum, string MessageType, string Status, string? StatusText);
