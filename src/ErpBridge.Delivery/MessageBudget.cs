namespace ErpBridge.Delivery;

/// <summary>
/// The time one message's map and send may take on a channel: a token that ends when the budget, counted from
/// <see cref="Start"/> (when the message's work really begins, not while it waits its turn), is used up, or when the
/// run is cancelled.
/// </summary>
public sealed class MessageBudget : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly CancellationToken run;
    private int started;

    public MessageBudget(TimeSpan limit, CancellationToken run)
    {
        Limit = limit;
        this.run = run;
        source = CancellationTokenSource.CreateLinkedTokenSource(run);
    }

    public TimeSpan Limit { get; }

    public CancellationToken Token => source.Token;

    /// <summary>The budget ran out (as opposed to the run being cancelled, e.g. at shutdown).</summary>
    public bool Exceeded => source.IsCancellationRequested && !run.IsCancellationRequested;

    /// <summary>Starts the clock; later calls do nothing.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref started, 1) == 0)
        {
            try
            {
                source.CancelAfter(Limit);
            }
            catch (ObjectDisposedException)
            {
                // The message was settled before its work began (the run was cancelled): nothing to time.
            }
        }
    }

    public void Dispose() => source.Dispose();
}
