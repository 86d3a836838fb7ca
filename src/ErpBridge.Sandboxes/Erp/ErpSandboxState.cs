namespace ErpBridge.Sandboxes.Erp;

/// <summary>A consistent copy of what the sandbox ERP holds: its documents and every hand-over it answered.</summary>
public sealed record ErpSandboxState(IReadOnlyList<ErpSandboxDocument> Documents, IReadOnlyList<ErpSandboxReceipt> Receipts)
{
    /// <summary>The document an order became, by the key the receiver matches orders on (see <see cref="ErpSandboxDocument.OrderKey"/>).</summary>
    public ErpSandboxDocument? DocumentFor(string orderKey) => Documents.FirstOrDefault(d => d.OrderKey == orderKey);

    public ErpSandboxDocument? Document(string documentNumber) => Documents.FirstOrDefault(d => d.DocumentNumber == documentNumber);
}

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

/// <summary>One answered hand-over: what was asked (MessageId, ChangeType) and what the ERP answered.</summary>
public sealed record ErpSandboxReceipt(
    string MessageId,
    string ChangeType,
    string DocumentNumber,
    string Status,
    DateTimeOffset ReceivedAt);
