namespace ErpBridge.Host.OperatorConsole;

/// <summary>
/// Counts per key over the last hour in one-minute buckets: adding is an increment, reading sums the buckets of the
/// last 60 minutes. A bucket is reset under a lock the first time its minute comes round again.
/// </summary>
public sealed class HourWindow(TimeProvider time)
{
    private const int Minutes = 60;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Buckets> keys = new(StringComparer.Ordinal);

    public void Add(string key, long count = 1)
    {
        var minute = Minute();
        var buckets = keys.GetOrAdd(key, _ => new Buckets());
        var slot = (int)(minute % Minutes);
        if (Volatile.Read(ref buckets.Stamps[slot]) != minute)
        {
            lock (buckets)
            {
                if (buckets.Stamps[slot] != minute)
                {
                    buckets.Counts[slot] = 0;
                    Volatile.Write(ref buckets.Stamps[slot], minute);
                }
            }
        }

        Interlocked.Add(ref buckets.Counts[slot], count);
    }

    /// <summary>The count of each key in the last hour (keys with none left out).</summary>
    public IReadOnlyDictionary<string, long> LastHour()
    {
        var now = Minute();
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, buckets) in keys)
        {
            long sum = 0;
            for (var i = 0; i < Minutes; i++)
            {
                if (now - Volatile.Read(ref buckets.Stamps[i]) < Minutes)
                {
                    sum += Interlocked.Read(ref buckets.Counts[i]);
                }
            }

            if (sum > 0)
            {
                totals[key] = sum;
            }
        }

        return totals;
    }

    private long Minute() => time.GetUtcNow().ToUnixTimeSeconds() / 60;

    private sealed class Buckets
    {
        public readonly long[] Counts = new long[Minutes];

        // Minutes since the epoch each bucket counts; -Minutes so that no bucket counts before its first add.
        public readonly long[] Stamps = Enumerable.Repeat((long)-Minutes, Minutes).ToArray();
    }
}
