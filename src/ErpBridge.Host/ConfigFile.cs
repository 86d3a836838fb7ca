namespace ErpBridge.Host;

/// <summary>
/// An extra JSON configuration file, for installations that keep their settings outside the install folder
/// (/etc/erpbridge/erpbridge.json, C:\ProgramData\ErpBridge\erpbridge.json), so that an upgrade can replace the
/// install folder whole. Named by <c>--config FILE</c> on the command line, else by the environment variable
/// <c>ERPBRIDGE_CONFIG</c>. It is layered after appsettings.{Environment}.json: user secrets, environment variables and
/// the command line still win over it.
/// </summary>
public static class ConfigFile
{
    /// <summary>The environment variable naming the file.</summary>
    public const string Variable = "ERPBRIDGE_CONFIG";

    /// <summary>The command-line option naming the file (<c>--config FILE</c> or <c>--config=FILE</c>).</summary>
    public const string Option = "--config";

    /// <summary>
    /// The full path of the file named, or null when none is. A relative name is taken from the working directory,
    /// as any file named on a command line is; a service names it absolutely.
    /// </summary>
    public static string? Named(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        environment ??= Environment.GetEnvironmentVariable;
        string? named = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == Option && i + 1 < args.Count)
            {
                named = args[i + 1];
            }
            else if (args[i].StartsWith(Option + "=", StringComparison.Ordinal))
            {
                named = args[i][(Option.Length + 1)..];
            }
        }

        named ??= environment(Variable);
        return string.IsNullOrWhiteSpace(named) ? null : Path.GetFullPath(named.Trim());
    }

    /// <summary>Why the host cannot start with the file named, or null when it can (none named, or it exists).</summary>
    public static string? Problem(IReadOnlyList<string> args, Func<string, string?>? environment = null) =>
        Named(args, environment) is { } file && !File.Exists(file)
            ? $"{Option} / {Variable}: no configuration file '{file}'."
            : null;
}
