using System.Diagnostics;
using System.Globalization;

namespace ErpBridge.Bench;

/// <summary>
/// One bridge process of a kill run: started from a <see cref="BridgeStart"/>, its output appended to a file, its
/// service address read from the line it prints once it listens, and killed with SIGKILL (what a power cut, the OOM
/// killer or <c>kill -9</c> do: no shutdown code runs).
/// </summary>
internal sealed class BridgeProcess : IDisposable
{
    private const string AddressLine = "ErpBridge WSDL: ";
    private readonly Process process;
    private readonly TaskCompletionSource<Uri> address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StreamWriter output;
    private readonly Queue<string> tail = new();
    private bool closed;

    private BridgeProcess(Process process, StreamWriter output)
    {
        this.process = process;
        this.output = output;
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static BridgeProcess Start(BridgeStart start, int number)
    {
        var info = new ProcessStartInfo(start.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = start.WorkingDirectory,
        };
        foreach (var argument in start.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in start.Environment)
        {
            info.Environment[key] = value;
        }

        var output = new StreamWriter(new FileStream(start.OutputFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--- bridge process {number} ---"));
        var bridge = new BridgeProcess(new Process { StartInfo = info }, output);
        bridge.process.OutputDataReceived += (_, e) => bridge.Receive(e.Data);
        bridge.process.ErrorDataReceived += (_, e) => bridge.Receive(e.Data);
        bridge.process.Start();
        bridge.process.BeginOutputReadLine();
        bridge.process.BeginErrorReadLine();
        return bridge;
    }

    /// <summary>
    /// Waits until the process has printed its address and answers 200 on /health; returns the SOAP service address.
    /// Throws when the process ends first or the time runs out, with the last lines it printed.
    /// </summary>
    public async Task<Uri> WaitReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var exited = process.WaitForExitAsync(deadline.Token);
            if (await Task.WhenAny(address.Task, exited) != address.Task)
            {
                throw new IOException($"the bridge process ended with exit code {process.ExitCode} before it listened:\n{Tail()}");
            }

            var service = await address.Task;
            var health = new Uri(service, "/health");
            while (true)
            {
                if (process.HasExited)
                {
                    throw new IOException($"the bridge process ended with exit code {process.ExitCode} before it was healthy:\n{Tail()}");
                }

                try
                {
                    using var response = await http.GetAsync(health, deadline.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return service;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(50, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"the bridge process was not healthy within {timeout.TotalSeconds:0} s:\n{Tail()}");
        }
    }

    /// <summary>SIGKILL (Process.Kill on Linux and macOS; TerminateProcess on Windows), then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It had already ended.
        }

        await process.WaitForExitAsync();
    }

    /// <summary>The last lines the process printed.</summary>
    public string Tail()
    {
        lock (tail)
        {
            return string.Join('\n', tail);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        process.Dispose();
        lock (tail)
        {
            closed = true;
            output.Dispose();
        }
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(AddressLine, StringComparison.Ordinal) && Uri.TryCreate(line[AddressLine.Length..].Replace("?wsdl", "", StringComparison.Ordinal), UriKind.Absolute, out var service))
        {
            address.TrySetResult(service);
        }

        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > 40)
            {
                tail.Dequeue();
            }

            if (!closed)
            {
                output.WriteLine(line);
            }
        }
    }
}
