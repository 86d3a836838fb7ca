using ErpBridge.Host;
using Microsoft.Extensions.Configuration;

namespace ErpBridge.Tests.Host.Commands;

/// <summary>One operator command run in process, with what it wrote to standard output and standard error.</summary>
internal sealed record CommandRun(int Code, string Output, string Error)
{
    /// <summary>Runs the command with <paramref name="settings"/> over the bridge's own configuration; no log file.</summary>
    public static async Task<CommandRun> RunAsync(IReadOnlyDictionary<string, string?>? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["ErpBridge:Logging:File"] = "" };
        var code = await OperatorCommands.RunAsync(args, output, error, config => config.AddInMemoryCollection(values));
        return new CommandRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Settings that point the commands at a SQLite file.</summary>
    public static Dictionary<string, string?> Database(string path) => new() { ["ErpBridge:Storage:ConnectionString"] = $"Data Source={path}" };
}
