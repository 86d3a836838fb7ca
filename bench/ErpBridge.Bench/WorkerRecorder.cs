namespace ErpBridge.Bench;

/// <summary>One worker's counted requests: latencies in microseconds plus accepted/error counts.</summary>
internal sealed class WorkerRecorder(int expectedRequests)
{
    private readonly List<long> latencies = new(expectedRequests);

    public IReadOnlyList<long> LatenciesMicroseconds => latencies;

    public long Accepted { get; private set; }

    public long Errors { get; private set; }

    public void Record(TimeSpan latency, RequestOutcome outcome)
    {
        latencies.Add((long)latency.TotalMicroseconds);
        if (outcome.Accepted)
        {
            Accepted++;
        }
        else
        {
            Errors++;
        }
    }
}
