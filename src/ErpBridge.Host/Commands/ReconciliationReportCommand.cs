using System.CommandLine;
using System.Globalization;
using ErpBridge.Core.Reconciliation;

namespace ErpBridge.Host.Commands;

/// <summary><c>reconciliation-report</c>: a run's report or its items as CSV. Exit codes: 0 shown, 1 no such run, 2 bad usage, 3 no database.</summary>
public static class ReconciliationReportCommand
{
    private const int CsvPage = 5000;

    public static Command Create(CommandContext context)
    {
        var run = new Option<long?>("--run")
        {
            Description = "The run's id (default: the newest run).",
            HelpName = "ID",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return id;
                }

                result.AddError($"--run takes a run id, not '{text}'.");
                return null;
            },
        };
        var channel = CommandOptions.Channel("The newest run of this channel (without --run).");
        var only = CommandOptions.Enum<ReconciliationClass>("--class", "CLASS", "Only items of this class (Match rows included when asked for).");
        var csv = new Option<string>("--csv") { Description = "Write every item of the run (or of --class) to this file as CSV.", HelpName = "FILE" };
        var json = CommandOptions.Json();
        var command = new Command("reconciliation-report", """
            Show a reconciliation run's counts and findings, or export its items as CSV.

            Default: the newest run (of --channel). The table shows the first 50 findings; --json and --csv
            give them all.

            Exit codes: 0 shown or written, 1 no such run, 2 bad usage, 3 database not found.
            """)
        {
            run, channel, only, csv, json,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(context, "reconciliation-report", services =>
            RunAsync(services, context, parse.GetValue(run), parse.GetValue(channel), parse.GetValue(only), parse.GetValue(csv), parse.GetValue(json), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, long? runId, string? channel, ReconciliationClass? only, string? csvPath, bool json, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IReconciliationStore>();
        var run = runId is { } id
            ? await store.GetAsync(id, cancellationToken)
            : await store.LatestAsync(channel, cancellationToken);
        if (run is null)
        {
            context.Error.WriteLine("No such reconciliation run.");
            return ExitCodes.Failed;
        }

        if (csvPath is not null)
        {
            var rows = await ExportCsvAsync(store, run.RunId, only, csvPath, cancellationToken);
            if (json)
            {
                CommandJson.Write(context.Output, new { run.RunId, run.Channel, run.Status, rows, file = Path.GetFullPath(csvPath) });
            }
            else
            {
                context.Output.WriteLine($"Run {run.RunId} of {run.Channel} ({run.Status}): {rows} item(s) written to {csvPath}.");
            }

            return ExitCodes.Done;
        }

        if (json)
        {
            CommandJson.Write(context.Output, await ReconciliationReportOutput.ToJsonAsync(store, run, only, cancellationToken));
        }
        else
        {
            await ReconciliationReportOutput.PrintAsync(store, run, only, context.Output, cancellationToken);
        }

        return ExitCodes.Done;
    }

    /// <summary>Every item of the run (or of one class) as RFC 4180 CSV, read a page at a time.</summary>
    private static async Task<long> ExportCsvAsync(IReconciliationStore store, long runId, ReconciliationClass? only, string path, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        await using (writer)
        {
            await writer.WriteLineAsync("class,key,sku,location,erp_quantity,store_quantity,detail,healed_by");
            long rows = 0;
            string? after = null;
            while (true)
            {
                var page = await store.ItemsAsync(runId, only, after, CsvPage, cancellationToken);
                foreach (var item in page)
                {
                    await writer.WriteLineAsync(string.Join(',', new[]
                    {
                        item.Class.ToString(), item.ItemKey, item.Sku, item.Location,
                        item.ErpQuantity?.ToString(CultureInfo.InvariantCulture), item.StoreQuantity?.ToString(CultureInfo.InvariantCulture), item.Detail, item.HealedBy,
                    }.Select(Csv)));
                    rows++;
                }

                if (page.Count < CsvPage)
                {
                    return rows;
                }

                after = page[^1].ItemKey;
            }
        }

        static string Csv(string? value) =>
            value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
