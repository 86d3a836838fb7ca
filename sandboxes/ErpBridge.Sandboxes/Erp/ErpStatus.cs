namespace ErpBridge.Sandboxes.Erp;

/// <summary>The Status values of the receiver's answer.</summary>
internal static class ErpStatus
{
    public const string Created = "Created";
    public const string Changed = "Changed";
    public const string Cancelled = "Cancelled";
    public const string Duplicate = "Duplicate";
}
