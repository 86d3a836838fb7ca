using static System.FormattableString;

namespace ErpBridge.Bench;

/// <summary>Writes load summaries and the compare ratio to the console.</summary>
internal static class SummaryPrinter
{
    public static void Print(LoadSummary summary, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine($"== {summary.Label} ==");
        writer.WriteLine($"url          {summary.Url}");
        writer.WriteLine($"operation    {summary.Operation}");
        writer.WriteLine(Invariant($"concurrency  {summary.Concurrency}"));
        writer.WriteLine(Invariant($"duration     {summary.DurationSeconds:0.00} s measured (warm-up {summary.WarmupSeconds:0} s){(summary.StoppedEarly ? ", stopped early" : string.Empty)}"));
        writer.WriteLine(Invariant($"requests     {summary.Requests}"));
        writer.WriteLine(Invariant($"accepted     {summary.Accepted}"));
        writer.WriteLine(Invariant($"errors       {summary.Errors}"));
        writer.WriteLine(Invariant($"accepted/s   {summary.AcceptedPerSecond:0.00}"));
        writer.WriteLine(Invariant($"latency ms   p50 {summary.P50Ms:0.00}  p90 {summary.P90Ms:0.00}  p99 {summary.P99Ms:0.00}  max {summary.MaxMs:0.00}"));
        PrintErrors(summary.ErrorSamples, writer);
    }

    public static void PrintRatio(CompareReport report, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine(report.RatioPercent is { } ratio
            ? Invariant($"{report.Bridge.Label} reaches {ratio:0.0}% of the ceiling ({report.Bridge.AcceptedPerSecond:0.00} / {report.Ceiling.AcceptedPerSecond:0.00} accepted/s)")
            : "ratio: n/a (the ceiling accepted nothing)");
    }

    private static void PrintErrors(IReadOnlyList<ErrorSample> samples, TextWriter writer)
    {
        foreach (var sample in samples)
        {
            writer.WriteLine($"error sample {sample.Status}: {sample.Snippet.ReplaceLineEndings(" ")}");
        }
    }
}
