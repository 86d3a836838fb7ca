namespace ErpBridge.Bench;

/// <summary>Latency percentiles in milliseconds, nearest-rank over all counted requests.</summary>
internal sealed record LatencyPercentiles(double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public static LatencyPercentiles From(IEnumerable<IReadOnlyList<long>> microsecondsPerWorker)
    {
        var sorted = Merge(microsecondsPerWorker);
        if (sorted.Length == 0)
        {
            return new LatencyPercentiles(0, 0, 0, 0);
        }

        return new LatencyPercentiles(At(sorted, 0.50), At(sorted, 0.90), At(sorted, 0.99), ToMs(sorted[^1]));
    }

    private static long[] Merge(IEnumerable<IReadOnlyList<long>> parts)
    {
        var all = parts.SelectMany(part => part).ToArray();
        Array.Sort(all);
        return all;
    }

    private static double At(long[] sorted, double fraction)
    {
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return ToMs(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static double ToMs(long microseconds) => Math.Round(microseconds / 1000.0, 2);
}
