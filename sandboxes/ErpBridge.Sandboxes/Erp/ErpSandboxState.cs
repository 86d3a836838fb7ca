namespace ErpBridge.Sandboxes.Erp;

/// <summary>A consistent copy of what the sandbox ERP holds: its documents, every hand-over it answered and the audits it took.</summary>
public sealed record ErpSandboxState(IReadOnlyList<ErpSandboxDocument> Documents, IReadOnlyList<ErpSandboxReceipt> Receipts)
{
    /// <summary>Every ALE audit (ALEAUD01) taken, oldest first.</summary>
    public IReadOnlyList<ErpSandboxAudit> Audits { get; init; } = [];

    /// <summary>The confirmations of the ERP's IDoc <paramref name="docNum"/>, in the order the audits came.</summary>
    public IReadOnlyList<ErpSandboxAuditConfirmation> ConfirmationsOf(string docNum) =>
        Audits.SelectMany(a => a.Confirmations).Where(c => c.DocNum == docNum).ToList();

    /// <summary>The document an order became, by the key the receiver matches orders on (see <see cref="ErpSandboxDocument.OrderKey"/>).</summary>
    public ErpSandboxDocument? DocumentFor(string orderKey) => Documents.FirstOrDefault(d => d.OrderKey == orderKey);

    public ErpSandboxDocument? Document(string documentNumber) => Documents.FirstOrDefault(d => d.DocumentNumber == documentNumber);
}
