namespace ErpBridge.Tests.Support;

/// <summary>What an external program did: its exit code, both output streams and how long it ran.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>Everything needed to understand a failed run, for assertion messages.</summary>
    public string Describe() =>
        $"{Command}\nexit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
