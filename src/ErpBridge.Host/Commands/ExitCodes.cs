namespace ErpBridge.Host.Commands;

/// <summary>
/// What an operator command's exit code means, the same on every command so that scripts can rely on it.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked (a listing may be empty).</summary>
    public const int Done = 0;

    /// <summary>The command ran but failed or found nothing to act on (no such message, a map case failed, a run did not complete).</summary>
    public const int Failed = 1;

    /// <summary>Bad usage: an unknown option, a missing or malformed value, a configuration problem.</summary>
    public const int Usage = 2;

    /// <summary>The configured SQLite database file does not exist; nothing was created.</summary>
    public const int DatabaseNotFound = 3;

    /// <summary>The table printed in the root help.</summary>
    public const string Table = """
        Exit codes:
          0  done (a listing may be empty)
          1  failed, or nothing matched (no such message, run or order; a map case failed)
          2  bad usage (unknown option, missing or malformed value) or a configuration problem
          3  the configured SQLite database does not exist (run the bridge once, or point
             ErpBridge:Storage:ConnectionString at its file); nothing is created
        """;
}
