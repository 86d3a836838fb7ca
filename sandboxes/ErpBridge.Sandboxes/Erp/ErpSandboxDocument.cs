namespace ErpBridge.Sandboxes.Erp;

/// <summary>
/// One document the ERP created (a sales order). <paramref name="OrderKey"/> identifies the web order: for an IDoc
/// the sold-to party and the customer purchase order number (<c>AG-PARTN/E1EDK02-001-BELNR</c>), for a canonical
/// order <c>Channel/OrderNumber</c>. <paramref name="ChangeTypes"/> lists the hand-overs that shaped it, oldest first
/// (New, then any Update and Cancellation); <paramref name="Content"/> is the latest document received.
/// </summary>
public sealed record ErpSandboxDocument(
    string DocumentNumber,
    string OrderKey,
    bool Cancelled,
    IReadOnlyList<string> ChangeTypes,
    string Content);
