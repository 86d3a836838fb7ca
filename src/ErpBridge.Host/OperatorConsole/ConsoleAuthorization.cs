namespace ErpBridge.Host.OperatorConsole;

/// <summary>The console's cookie scheme and its two policies, named once.</summary>
public static class ConsoleAuthorization
{
    /// <summary>The cookie scheme of console sessions.</summary>
    public const string Scheme = "ErpBridge.Console";

    /// <summary>Any signed-in operator: reads every page.</summary>
    public const string ViewerPolicy = "ErpBridge.Console.Viewer";

    /// <summary>Operators with the Operator role: act (resubmit, discard, pause, resume, reconcile).</summary>
    public const string OperatorPolicy = "ErpBridge.Console.Operator";
}
