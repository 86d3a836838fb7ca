namespace ErpBridge.Sandboxes.Erp;

/// <summary>A consistent copy of what the sandbox ERP holds: its documents and every hand-over it answered.</summary>
public sealed record ErpSandboxState(IReadOnlyList<ErpSandboxDocument> Documents, IReadOnlyList<ErpSandboxReceipt> Receipts)
{
    /// <summary>The document an order became, by the key the receiver matches orders on (see <see cref="ErpSandboxDocument.OrderKey"/>).</summary>
    public ErpSandboxDocument? DocumentFor(string orderKey) => Documents.FirstOrDefault(d => d.OrderKey == orderKey);

    public ErpSandboxDocument? Document(string documentNumber) => Documents.FirstOrDefault(d => d.DocumentNumber == documentNumber);
}
