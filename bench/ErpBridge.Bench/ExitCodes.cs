namespace ErpBridge.Bench;

/// <summary>Process exit codes of the bench tool.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;
}
