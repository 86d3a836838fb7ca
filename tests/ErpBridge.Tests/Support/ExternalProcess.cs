using System.Diagnostics;

namespace ErpBridge.Tests.Support;

/// <summary>Runs an external program with a bounded wait; on timeout its whole process tree is killed.</summary>
public static class ExternalProcess
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var command = fileName + " " + string.Join(" ", start.ArgumentList);
        using var process = new Process { StartInfo = start };
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(DrainTimeout);
            var partial = new ProcessResult(command, -1, await DrainAsync(standardOutput), await DrainAsync(standardError), stopwatch.Elapsed);
            throw new TimeoutException($"Killed after {timeout.TotalSeconds:0} s without finishing:\n{partial.Describe()}");
        }

        var result = new ProcessResult(command, process.ExitCode, await DrainAsync(standardOutput), await DrainAsync(standardError), stopwatch.Elapsed);
        return result;
    }

    /// <summary>The full path of an executable found on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<string> DrainAsync(Task<string> stream)
    {
        try
        {
            return await stream.WaitAsync(DrainTimeout);
        }
        catch (TimeoutException)
        {
            return "(output still open after the process ended; not read)";
        }
    }
}
