using System.Diagnostics;

namespace ErpBridge.Tests.Support;

/// <summary>The bridge as a process of its own (the built ErpBridge.Host.dll), for tests that kill it or let it crash.</summary>
public static class BridgeProcess
{
    /// <summary>
    /// Starts the bridge in <paramref name="folder"/> with <paramref name="settings"/> as command-line configuration,
    /// on a free port of 127.0.0.1, without sandboxes or a log file; its output is read and dropped.
    /// </summary>
    public static Process Start(IReadOnlyDictionary<string, string?> settings, string folder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ErpBridge.Host.dll"));
        var arguments = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ErpBridge:Sandboxes:Enabled"] = "false",
            ["ErpBridge:Logging:File"] = "",
        };
        foreach (var (key, value) in settings)
        {
            arguments[key] = value;
        }

        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the bridge process");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
