using System.Text;
using ErpBridge.Core.Operators;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Reconciliation;
using Microsoft.AspNetCore.Mvc;

namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>Reconciliation runs with their counts per class, one run's findings with paging, filter and CSV download, and starting a run.</summary>
public sealed class ReconciliationModel(IReconciliationStore store, IRunBrowser runs, IReconciliationLauncher launcher, ReconciliationRunner runner) : ConsolePage
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public long? Run { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReconciliationClass? Class { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public IReadOnlyList<string> Reconcilable => runner.ReconcilableChannels();

    public ReconciliationRun? Selected { get; private set; }

    public IReadOnlyList<ReconciliationItem> Findings { get; private set; } = [];

    public string? NextAfter { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = new List<RunRow>();
        foreach (var id in await runs.RecentRunIdsAsync(null, 30, cancellationToken))
        {
            if (await store.GetAsync(id, cancellationToken) is { } run)
            {
                rows.Add(new RunRow(run, await store.CountsAsync(id, cancellationToken)));
            }
        }

        Runs = rows;
        Selected = Run is { } selected ? await store.GetAsync(selected, cancellationToken) : null;
        if (Selected is not null)
        {
            Findings = await FindingsAsync(Selected.RunId, After, PageSize, cancellationToken);
            NextAfter = Findings.Count == PageSize ? Findings[^1].ItemKey : null;
        }
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (Run is not { } id || await store.GetAsync(id, cancellationToken) is not { } run)
        {
            return NotFound();
        }

        var csv = new StringBuilder(Csv.Line("RunId", "Channel", "ItemKey", "Class", "Sku", "Location", "ErpQuantity", "StoreQuantity", "Detail", "HealedBy"));
        string? after = null;
        while (true)
        {
            var page = await FindingsAsync(id, after, 1000, cancellationToken);
            foreach (var f in page)
            {
                csv.Append(Csv.Line(run.RunId, run.Channel, f.ItemKey, f.Class, f.Sku, f.Location, f.ErpQuantity, f.StoreQuantity, f.Detail, f.HealedBy));
            }

            if (page.Count < 1000)
            {
                break;
            }

            after = page[^1].ItemKey;
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"reconciliation-{run.RunId}-{run.Channel}.csv");
    }

    public async Task<IActionResult> OnPostStartAsync(string? channel, CancellationToken cancellationToken)
    {
        if (RefuseViewer() is { } refused)
        {
            return refused;
        }

        channel = string.IsNullOrEmpty(channel) ? null : channel;
        try
        {
            var started = await launcher.StartRunsAsync(channel, "console", cancellationToken);
            await RecordAsync("Reconcile", null, channel, string.Join(", ", started.Select(r => $"run {r.RunId} of {r.Channel}")), cancellationToken);
            Notice = started.Count == 0 ? "No channel can be reconciled." : "Started " + string.Join(", ", started.Select(r => $"run #{r.RunId} of {r.Channel}")) + "; this page shows its progress.";
            return RedirectToPage(new { run = started.Count == 1 ? started[0].RunId : (long?)null });
        }
        catch (InvalidOperationException ex)
        {
            Notice = ex.Message;
            return RedirectToPage();
        }
    }

    /// <summary>A run's findings of the chosen class, or every class but Match, in item order after <paramref name="after"/>.</summary>
    private async Task<IReadOnlyList<ReconciliationItem>> FindingsAsync(long runId, string? after, int max, CancellationToken cancellationToken)
    {
        if (Class is { } only)
        {
            return await store.ItemsAsync(runId, only, after, max, cancellationToken);
        }

        // Every finding but matches: read pages until enough non-matching items are found or the run ends.
        var found = new List<ReconciliationItem>();
        while (found.Count < max)
        {
            var page = await store.ItemsAsync(runId, null, after, max, cancellationToken);
            found.AddRange(page.Where(i => i.Class != ReconciliationClass.Match).Take(max - found.Count));
            if (page.Count < max)
            {
                break;
            }

            after = page[^1].ItemKey;
        }

        return found;
    }

    /// <summary>A run and its counts per class.</summary>
    public sealed record RunRow(ReconciliationRun Run, IReadOnlyList<ClassCount> Counts);
}
