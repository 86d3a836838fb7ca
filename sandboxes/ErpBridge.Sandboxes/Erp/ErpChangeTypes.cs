namespace ErpBridge.Sandboxes.Erp;

/// <summary>The ChangeType values of the receiver's contract.</summary>
internal static class ErpChangeTypes
{
    public const string New = "New";
    public const string Update = "Update";
    public const string Cancellation = "Cancellation";

    public static bool IsValid(string value) => value is New or Update or Cancellation;
}
