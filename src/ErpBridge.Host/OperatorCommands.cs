using System.CommandLine;
using System.CommandLine.Invocation;
using ErpBridge.Host.Commands;

namespace ErpBridge.Host;

/// <summary>
/// The operator's commands (one file each under Commands/), run against the bridge's own configuration and database
/// without starting the service. Exit codes, the same on every command: 0 done, 1 failed or nothing matched,
/// 2 bad usage (unknown option, missing value, configuration problem), 3 the SQLite database does not exist.
/// </summary>
public static class OperatorCommands
{
    private static readonly HashSet<string> HelpWords = new(StringComparer.Ordinal) { "help", "--help", "-h", "-?" };

    /// <summary>The command names; a first argument that is none of them (nor a help word) runs the bridge.</summary>
    public static IReadOnlyList<string> Names { get; } =
        OperatorCommandLine.Build(new CommandContext(TextReader.Null, TextWriter.Null, TextWriter.Null, null)).Subcommands.Select(c => c.Name).ToList();

    /// <summary>Whether the arguments start with a command or a help word, rather than being the bridge's own arguments.</summary>
    public static bool IsCommand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && (Names.Contains(args[0], StringComparer.Ordinal) || HelpWords.Contains(args[0]));
    }

    /// <param name="configure">Extra configuration sources (tests); the commands otherwise read what the bridge reads.</param>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<IConfigurationBuilder>? configure = null) =>
        RunAsync(args, TextReader.Null, output, error, configure);

    /// <summary>Parses and runs one command; a parse error is written with the command's name and exits with 2 (usage).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, Action<IConfigurationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["help", .. var rest])
        {
            // `help dead-letters` reads as `dead-letters --help`.
            args = [.. rest, "--help"];
        }

        var root = OperatorCommandLine.Build(new CommandContext(input, output, error, configure));
        // No response files: a message id or a file name may start with '@'.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is ParseErrorAction)
        {
            var name = parse.CommandResult.Command == root ? "erpbridge" : parse.CommandResult.Command.Name;
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"{name}: {problem.Message}");
            }

            error.WriteLine(parse.CommandResult.Command == root ? "Run with --help for the commands." : $"Run '{name} --help' for its options.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
