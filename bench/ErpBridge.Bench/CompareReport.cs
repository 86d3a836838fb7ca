namespace ErpBridge.Bench;

/// <summary>The bridge and ceiling runs of one compare, and how they relate.</summary>
internal sealed record CompareReport(
    LoadSummary Bridge,
    LoadSummary Ceiling,
    double? RatioPercent,
    DateTimeOffset MeasuredAtUtc,
    int ProcessorCount,
    int Concurrency)
{
    public static CompareReport Create(LoadSummary bridge, LoadSummary ceiling, TimeProvider time) => new(
        bridge,
        ceiling,
        ceiling.AcceptedPerSecond > 0 ? Math.Round(100 * bridge.AcceptedPerSecond / ceiling.AcceptedPerSecond, 1) : null,
        time.GetUtcNow(),
        Environment.ProcessorCount,
        bridge.Concurrency);
}
