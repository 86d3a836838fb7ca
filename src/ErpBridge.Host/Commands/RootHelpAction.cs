using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ErpBridge.Host.Commands;

/// <summary>
/// <c>--help</c>: on the root, each command with the first line of its description and the exit-code table (the
/// library's own help would repeat every command's full description); on a command, the library's help.
/// </summary>
public sealed class RootHelpAction(RootCommand root, CommandLineAction commandHelp) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.CommandResult.Command != root)
        {
            return commandHelp is SynchronousCommandLineAction help ? help.Invoke(parseResult) : new HelpAction().Invoke(parseResult);
        }

        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine(root.Description);
        output.WriteLine();
        output.WriteLine("Usage:");
        output.WriteLine("  ErpBridge.Host [ASP.NET Core configuration arguments]   run the bridge");
        output.WriteLine("  ErpBridge.Host <command> [options]                        run one operator command");
        output.WriteLine();
        output.WriteLine("Commands:");
        var width = root.Subcommands.Max(c => c.Name.Length) + 2;
        foreach (var command in root.Subcommands)
        {
            output.WriteLine($"  {command.Name.PadRight(width)}{command.Description?.Split('\n')[0].TrimEnd()}");
        }

        output.WriteLine();
        output.WriteLine("Every command takes --help; those that print data take --json.");
        output.WriteLine();
        output.WriteLine(ExitCodes.Table);
        return ExitCodes.Done;
    }
}
