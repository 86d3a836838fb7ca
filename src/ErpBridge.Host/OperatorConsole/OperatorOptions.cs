namespace ErpBridge.Host.OperatorConsole;

/// <summary>One person who may sign in to the console.</summary>
public sealed class OperatorOptions
{
    public string UserName { get; set; } = "";

    /// <summary>The password's PBKDF2 hash, made by <c>ErpBridge.Host hash-secret</c>; the password itself is never configured.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Viewer reads every page; Operator also resubmits, discards, pauses, resumes and starts reconciliations.</summary>
    public OperatorRole Role { get; set; } = OperatorRole.Viewer;
}
