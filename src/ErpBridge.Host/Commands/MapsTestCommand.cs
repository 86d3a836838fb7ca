using System.CommandLine;
using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Maps;

namespace ErpBridge.Host.Commands;

/// <summary><c>maps-test</c>: the golden cases beside every XSLT map. Exit codes: 0 all passed, 1 a case failed, 2 bad usage (no folder, no case).</summary>
public static class MapsTestCommand
{
    public static Command Create(CommandContext context)
    {
        var filter = new Option<string>("--filter") { Description = "Only cases whose 'map: case' name contains this text.", HelpName = "TEXT" };
        var folder = new Option<string>("--folder") { Description = "The maps folder (default: xslt/ of the repository around the current folder, else the host's copy).", HelpName = "PATH" };
        var json = CommandOptions.Json();
        var command = new Command("maps-test", """
            Run the golden cases beside every XSLT map; a failure shows a diff.

            Reads no configuration and no database.

            Exit codes: 0 every case passed, 1 a case failed, 2 bad usage (no such folder, or no case matched).
            """)
        {
            filter, folder, json,
        };
        command.SetAction(parse => Run(context, parse.GetValue(folder), parse.GetValue(filter), parse.GetValue(json)));
        return command;
    }

    private static int Run(CommandContext context, string? folder, string? filter, bool json)
    {
        // Someone who edits maps runs this inside the repository (dotnet run starts in the project folder): the
        // repository's xslt/ is the one being edited, not the copy in the build output.
        folder ??= RepositoryMaps(Directory.GetCurrentDirectory()) ?? XsltMapEngineOptions.DefaultRoot;
        if (!Directory.Exists(folder))
        {
            context.Error.WriteLine($"maps-test: no folder '{folder}'.");
            return ExitCodes.Usage;
        }

        using var engine = new XsltMapEngine(new XsltMapEngineOptions { Root = Path.GetFullPath(folder), WatchFiles = false });
        if (!json)
        {
            var summary = GoldenCases.RunAll(engine, context.Output, filter);
            return summary.Total == 0 ? ExitCodes.Usage : summary.Failed == 0 ? ExitCodes.Done : ExitCodes.Failed;
        }

        var results = GoldenCases.Discover(engine.Root)
            .Where(c => filter is null || c.ToString().Contains(filter, StringComparison.OrdinalIgnoreCase))
            .Select(c => GoldenCases.Run(engine, c))
            .ToList();
        var failed = results.Count(r => !r.Passed);
        CommandJson.Write(context.Output, new
        {
            root = engine.Root,
            passed = results.Count - failed,
            failed,
            total = results.Count,
            cases = results.Select(r => new { map = r.Case.MapName, @case = r.Case.Name, r.Passed, r.Failure }),
        });
        return results.Count == 0 ? ExitCodes.Usage : failed == 0 ? ExitCodes.Done : ExitCodes.Failed;
    }

    private static string? RepositoryMaps(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ErpBridge.sln")) && Directory.Exists(Path.Combine(directory.FullName, "xslt")))
            {
                return Path.Combine(directory.FullName, "xslt");
            }
        }

        return null;
    }
}
