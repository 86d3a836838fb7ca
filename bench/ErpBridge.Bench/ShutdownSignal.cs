using System.Runtime.InteropServices;

namespace ErpBridge.Bench;

/// <summary>
/// Cancels on Ctrl+C or SIGTERM (a second signal terminates as usual) and after the hard time limit.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;
    private readonly TimeSpan limit;

    public ShutdownSignal(TimeSpan limit, TimeProvider time)
    {
        this.limit = limit;
        source = new CancellationTokenSource(limit, time);
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => source.Token;

    public bool Interrupted { get; private set; }

    /// <summary>Says why the run stopped early, if it did.</summary>
    public string? Reason => !source.IsCancellationRequested ? null
        : Interrupted ? "interrupted by signal" : $"stopped by the {limit.TotalMinutes:0}-minute limit";

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interrupted)
        {
            return;
        }

        Interrupted = true;
        context.Cancel = true;
        source.Cancel();
    }
}
