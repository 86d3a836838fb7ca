namespace ErpBridge.Bench;

/// <summary>Keeps the first few distinct errors seen by any worker.</summary>
internal sealed class ErrorSamples(int capacity)
{
    private readonly Lock gate = new();
    private readonly List<ErrorSample> samples = new(capacity);
    private volatile bool full;

    public void Offer(ErrorSample sample)
    {
        if (full)
        {
            return;
        }

        lock (gate)
        {
            if (samples.Count < capacity && !samples.Contains(sample))
            {
                samples.Add(sample);
            }

            full = samples.Count >= capacity;
        }
    }

    public IReadOnlyList<ErrorSample> Snapshot()
    {
        lock (gate)
        {
            return [.. samples];
        }
    }
}
