using System.Diagnostics;

namespace ErpBridge.Bench;

/// <summary>The ceiling server started as a child process of this same executable.</summary>
internal sealed class CeilingProcess : IDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);
    private readonly Process process;

    private CeilingProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static CeilingProcess Start(int port)
    {
        var process = Process.Start(StartInfo(port)) ?? throw new InvalidOperationException("could not start the ceiling process");
        process.OutputDataReceived += (_, line) => Forward(Console.Out, line.Data);
        process.ErrorDataReceived += (_, line) => Forward(Console.Error, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new CeilingProcess(process);
    }

    /// <summary>Kills the child (and anything it started) and waits for it to be gone.</summary>
    public async Task StopAsync()
    {
        Kill();
        using var timeout = new CancellationTokenSource(ExitWait);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"warning: the ceiling process (pid {process.Id}) did not exit within {ExitWait.TotalSeconds:0} s of being killed");
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static ProcessStartInfo StartInfo(int port)
    {
        var executable = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this executable is unknown");
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (IsDotnetHost(executable))
        {
            info.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        info.ArgumentList.Add("ceiling");
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return info;
    }

    private static bool IsDotnetHost(string executable) =>
        string.Equals(System.IO.Path.GetFileNameWithoutExtension(executable), "dotnet", StringComparison.OrdinalIgnoreCase);

    private static void Forward(TextWriter writer, string? line)
    {
        if (line is not null)
        {
            writer.WriteLine($"[ceiling] {line}");
        }
    }
}
