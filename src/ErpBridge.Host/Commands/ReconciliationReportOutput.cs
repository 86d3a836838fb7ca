using System.Globalization;
using ErpBridge.Core.Reconciliation;

namespace ErpBridge.Host.Commands;

/// <summary>A reconciliation run's report, shared by <c>reconcile</c> and <c>reconciliation-report</c>: as a table or as JSON.</summary>
public static class ReconciliationReportOutput
{
    private const int TableFindings = 50;
    private const int Page = 500;

    /// <summary>Status, counts per class and the first findings (Match rows only when <paramref name="only"/> asks for them).</summary>
    public static async Task PrintAsync(IReconciliationStore store, ReconciliationRun run, ReconciliationClass? only, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Run {run.RunId} of {run.Channel}: {run.Status} ({run.Phase}), {run.Trigger}, started {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z{(run.FinishedAt is { } done ? $", finished {done.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" : "")}");
        output.WriteLine($"  {run.LevelsRead} store levels read in {run.Pages} pages{(run.Error is null ? "" : $"; error: {run.Error}")}");
        output.WriteLine($"  {"Class",-16} {"Count",10}");
        foreach (var count in await store.CountsAsync(run.RunId, cancellationToken))
        {
            output.WriteLine($"  {count.Class,-16} {count.Count,10}");
        }

        output.WriteLine($"  healed: {await store.HealedCountAsync(run.RunId, cancellationToken)}");
        var shown = 0;
        await foreach (var item in FindingsAsync(store, run.RunId, only, cancellationToken))
        {
            if (shown == TableFindings)
            {
                output.WriteLine($"  (first {TableFindings} findings; --csv FILE exports them all)");
                break;
            }

            if (shown++ == 0)
            {
                output.WriteLine($"  {"Class",-16} {"SKU",-20} {"Location",-10} {"ERP",8} {"Store",8}  Detail");
            }

            output.WriteLine($"  {item.Class,-16} {item.Sku ?? item.ItemKey,-20} {item.Location ?? "",-10} {item.ErpQuantity?.ToString(CultureInfo.InvariantCulture) ?? "-",8} {item.StoreQuantity?.ToString(CultureInfo.InvariantCulture) ?? "-",8}  {item.Detail}{(item.HealedBy is null ? "" : $" (healed by {item.HealedBy})")}");
        }
    }

    /// <summary>The report as one JSON-ready object with every finding (not only the first fifty).</summary>
    public static async Task<object> ToJsonAsync(IReconciliationStore store, ReconciliationRun run, ReconciliationClass? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        var counts = await store.CountsAsync(run.RunId, cancellationToken);
        var healed = await store.HealedCountAsync(run.RunId, cancellationToken);
        var findings = new List<ReconciliationItem>();
        await foreach (var item in FindingsAsync(store, run.RunId, only, cancellationToken))
        {
            findings.Add(item);
        }

        return new { run, counts, healed, findings };
    }

    /// <summary>The run's items a page at a time: every item of <paramref name="only"/>'s class, else every one that is not a Match.</summary>
    private static async IAsyncEnumerable<ReconciliationItem> FindingsAsync(IReconciliationStore store, long runId, ReconciliationClass? only, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await store.ItemsAsync(runId, only, after, Page, cancellationToken);
            foreach (var item in page.Where(i => only is not null || i.Class != ReconciliationClass.Match))
            {
                yield return item;
            }

            if (page.Count < Page)
            {
                yield break;
            }

            after = page[^1].ItemKey;
        }
    }
}
