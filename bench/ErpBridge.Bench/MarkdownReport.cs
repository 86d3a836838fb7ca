using System.Globalization;
using System.Text;
using static System.FormattableString;

namespace ErpBridge.Bench;

/// <summary>Renders a compare as a small Markdown table.</summary>
internal static class MarkdownReport
{
    public static string Render(CompareReport report)
    {
        var builder = new StringBuilder();
        builder.AppendLine("| run | req/s | p50 ms | p99 ms | errors |");
        builder.AppendLine("|---|---:|---:|---:|---:|");
        AppendRow(builder, "bridge", report.Bridge);
        AppendRow(builder, "ceiling", report.Ceiling);
        builder.AppendLine();
        builder.AppendLine(Invariant($"Bridge/ceiling: {Ratio(report)} — {report.MeasuredAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, {report.ProcessorCount} cores, concurrency {report.Concurrency}."));
        return builder.ToString();
    }

    private static void AppendRow(StringBuilder builder, string name, LoadSummary summary) =>
        builder.AppendLine(Invariant($"| {name} | {summary.AcceptedPerSecond:0.00} | {summary.P50Ms:0.00} | {summary.P99Ms:0.00} | {summary.Errors} |"));

    private static string Ratio(CompareReport report) =>
        report.RatioPercent is { } ratio ? Invariant($"{ratio:0.0}%") : "n/a";
}
