using System.Globalization;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Reconciliation;
using ErpBridge.Delivery;
using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Host;

/// <summary>
/// The operator's commands, run against the bridge's own configuration and database without starting the service:
/// <c>dead-letters</c>, <c>resubmit</c>, <c>status</c>, <c>dry-run</c>. Exit codes: 0 done, 1 failed, 2 bad usage.
/// </summary>
public static class OperatorCommands
{
    public static readonly string[] Names = ["dead-letters", "resubmit", "status", "dry-run", "maps-test", "orders", "resubmit-order", "reconcile", "reconciliation-report"];

    public const string Usage = """
        Operator commands (add to `dotnet run --project src/ErpBridge.Host --`):
          dead-letters [--channel NAME] [--limit N]         list failed deliveries with their last error
          resubmit --message ID [--channel NAME]            put one message's failed deliveries back in the queue
          resubmit --channel NAME --all                     put every failed delivery of a channel back
          status --message ID                               each channel's status and every attempt's outcome
          dry-run --channel NAME --file MESSAGE.xml         print the exact HTTP calls for a canonical message or a
                  [--document-type TYPE]                    raw ERP document (ids resolved on the platform; nothing is sent)
          orders [--channel NAME] [--state STATE] [--limit N]
                                                            store orders held for the ERP, newest change first, with their
                                                            state (Pending, Fetched, Pushing, Acknowledged, Failed) and last error
          resubmit-order --order ID | --channel NAME --all  push orders whose push Failed again (fresh attempt budget)
          reconcile [--channel NAME]                        reconcile now (every channel that can, or one), with progress;
                                                            prints the report; a run another process left is carried on
          reconciliation-report [--run ID] [--channel NAME] [--class CLASS] [--csv FILE]
                                                            a run's status and counts per class (default: the newest),
                                                            its findings as a table, or every item as CSV
          maps-test [--filter TEXT] [--folder PATH]         run the golden cases beside every XSLT map; a failure shows a diff
                                                            (default folder: xslt/ of the working directory, else the host's copy)
        """;

    /// <param name="configure">Extra configuration sources (tests); the commands otherwise read what the bridge reads.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<IConfigurationBuilder>? configure = null)
    {
        var command = args[0];
        if (!TryOptions(args.Skip(1).ToArray(), out var options, out var problem))
        {
            error.WriteLine($"{command}: {problem}");
            error.WriteLine(Usage);
            return 2;
        }

        if (command == "maps-test")
        {
            return MapsTest(options.GetValueOrDefault("--folder"), options.GetValueOrDefault("--filter"), output, error);
        }

        var (app, errors) = await BridgeHost.BuildAsync([], configure, operatorCommand: true).ConfigureAwait(false);
        if (app is null)
        {
            error.WriteLine("The configuration has problems:");
            foreach (var e in errors)
            {
                error.WriteLine("  " + e);
            }

            return 2;
        }

        await using (app)
        {
            var services = app.Services;
            var store = services.GetRequiredService<IDeliveryStore>();
            var channel = options.GetValueOrDefault("--channel");
            var message = options.GetValueOrDefault("--message");
            switch (command)
            {
                case "dead-letters":
                    var limit = int.TryParse(options.GetValueOrDefault("--limit", "100"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;
                    var dead = await store.ListDeadLettersAsync(channel, limit, CancellationToken.None).ConfigureAwait(false);
                    if (dead.Count == 0)
                    {
                        output.WriteLine(channel is null ? "No dead letters." : $"No dead letters on channel {channel}.");
                        return 0;
                    }

                    output.WriteLine($"{"MessageId",-36} {"Channel",-20} {"Type",-10} {"Attempts",8}  {"Last attempt (UTC)",-20} Last error");
                    foreach (var d in dead)
                    {
                        output.WriteLine($"{d.MessageId,-36} {d.Channel,-20} {d.Type,-10} {d.Attempts,8}  {d.LastAttemptAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-20} {d.LastError}");
                    }

                    output.WriteLine($"{dead.Count} dead letter(s){(dead.Count == limit ? $" (first {limit}; --limit for more)" : "")}.");
                    return 0;

                case "resubmit":
                    if (message is null && (channel is null || !options.ContainsKey("--all")))
                    {
                        error.WriteLine("resubmit: give --message ID (optionally --channel NAME), or --channel NAME --all.");
                        return 2;
                    }

                    var count = await store.ResubmitAsync(message, channel, services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                    output.WriteLine(count == 0
                        ? "Nothing to resubmit: no failed delivery matches."
                        : $"Resubmitted {count} deliver{(count == 1 ? "y" : "ies")}; a running bridge delivers {(count == 1 ? "it" : "them")} at its next poll.");
                    return count == 0 ? 1 : 0;

                case "status":
                    if (message is null)
                    {
                        error.WriteLine("status: give --message ID.");
                        return 2;
                    }

                    var status = await services.GetRequiredService<Core.Intake.IMessageStore>().GetStatusAsync(message, CancellationToken.None).ConfigureAwait(false);
                    if (status is null)
                    {
                        error.WriteLine($"No message with MessageId '{message}'.");
                        return 1;
                    }

                    output.WriteLine($"{status.MessageId}: {status.Type}, received {status.ReceivedAt.UtcDateTime:O}");
                    foreach (var d in status.Deliveries)
                    {
                        output.WriteLine($"  {d.Channel}: {d.Status}, {d.Attempts} attempt(s){(d.NextAttemptAt is { } next ? $", next at {next.UtcDateTime:O}" : "")}{(d.LastError is { } last ? $", last error: {last}" : "")}");
                    }

                    foreach (var h in await store.GetHistoryAsync(message, CancellationToken.None).ConfigureAwait(false))
                    {
                        output.WriteLine($"  {h.At.UtcDateTime:O} {h.Channel}: {h.From?.ToString() ?? "-"} -> {h.To}{(h.Detail is null ? "" : ": " + h.Detail)}");
                    }

                    return 0;

                case "orders":
                    return await ListOrdersAsync(services.GetRequiredService<IOrderStore>(), channel, options, output, error).ConfigureAwait(false);

                case "resubmit-order":
                    var order = options.GetValueOrDefault("--order");
                    if (order is null && (channel is null || !options.ContainsKey("--all")))
                    {
                        error.WriteLine("resubmit-order: give --order ID, or --channel NAME --all.");
                        return 2;
                    }

                    var orders = await services.GetRequiredService<IOrderStore>().ResubmitAsync(order, channel, services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                    output.WriteLine(orders == 0
                        ? "Nothing to resubmit: no failed order push matches."
                        : $"Resubmitted {orders} order{(orders == 1 ? "" : "s")}; a running bridge pushes {(orders == 1 ? "it" : "them")} within its push interval.");
                    return orders == 0 ? 1 : 0;

                case "reconcile":
                    return await ReconcileAsync(services, channel, output, error).ConfigureAwait(false);

                case "reconciliation-report":
                    return await ReportAsync(services, channel, options, output, error).ConfigureAwait(false);

                case "dry-run":
                    return await DryRunAsync(services, channel, options.GetValueOrDefault("--file"), options.GetValueOrDefault("--document-type"), output, error).ConfigureAwait(false);

                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
    }

    private static async Task<int> ReconcileAsync(IServiceProvider services, string? channel, TextWriter output, TextWriter error)
    {
        var runner = services.GetRequiredService<ReconciliationRunner>();
        var store = services.GetRequiredService<IReconciliationStore>();
        var channels = runner.ReconcilableChannels();
        if (channel is not null)
        {
            if (!channels.Contains(channel, StringComparer.Ordinal))
            {
                error.WriteLine($"reconcile: channel '{channel}' cannot be reconciled; these can: {string.Join(", ", channels)}.");
                return 2;
            }

            channels = [channel];
        }

        var code = 0;
        foreach (var name in channels)
        {
            var (run, started) = await store.StartAsync(name, "command", runner.Heals(name), services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            output.WriteLine(started ? $"Reconciling {name} (run {run.RunId})..." : $"Carrying on run {run.RunId} of {name} from {run.Phase}...");
            var finished = await runner.RunAsync(run.RunId, CancellationToken.None).ConfigureAwait(false);
            await PrintReportAsync(store, finished, null, output).ConfigureAwait(false);
            code = finished.Status == ReconciliationStatus.Completed ? code : 1;
        }

        return code;
    }

    private static async Task<int> ReportAsync(IServiceProvider services, string? channel, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var store = services.GetRequiredService<IReconciliationStore>();
        ReconciliationRun? run;
        if (options.TryGetValue("--run", out var runText))
        {
            if (!long.TryParse(runText, NumberStyles.None, CultureInfo.InvariantCulture, out var runId))
            {
                error.WriteLine($"reconciliation-report: --run takes a run id, not '{runText}'.");
                return 2;
            }

            run = await store.GetAsync(runId, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            run = await store.LatestAsync(channel, CancellationToken.None).ConfigureAwait(false);
        }

        if (run is null)
        {
            error.WriteLine("No such reconciliation run.");
            return 1;
        }

        ReconciliationClass? only = null;
        if (options.TryGetValue("--class", out var classText))
        {
            if (!Enum.TryParse<ReconciliationClass>(classText, ignoreCase: true, out var parsed) || int.TryParse(classText, out _))
            {
                error.WriteLine($"reconciliation-report: --class is one of {string.Join(", ", Enum.GetNames<ReconciliationClass>())}, not '{classText}'.");
                return 2;
            }

            only = parsed;
        }

        if (options.TryGetValue("--csv", out var csvPath))
        {
            var rows = await ExportCsvAsync(store, run.RunId, only, csvPath).ConfigureAwait(false);
            output.WriteLine($"Run {run.RunId} of {run.Channel} ({run.Status}): {rows} item(s) written to {csvPath}.");
            return 0;
        }

        await PrintReportAsync(store, run, only, output).ConfigureAwait(false);
        return 0;
    }

    private static async Task PrintReportAsync(IReconciliationStore store, ReconciliationRun run, ReconciliationClass? only, TextWriter output)
    {
        output.WriteLine($"Run {run.RunId} of {run.Channel}: {run.Status} ({run.Phase}), {run.Trigger}, started {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z{(run.FinishedAt is { } done ? $", finished {done.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" : "")}");
        output.WriteLine($"  {run.LevelsRead} store levels read in {run.Pages} pages{(run.Error is null ? "" : $"; error: {run.Error}")}");
        var counts = await store.CountsAsync(run.RunId, CancellationToken.None).ConfigureAwait(false);
        output.WriteLine($"  {"Class",-16} {"Count",10}");
        foreach (var count in counts)
        {
            output.WriteLine($"  {count.Class,-16} {count.Count,10}");
        }

        output.WriteLine($"  healed: {await store.HealedCountAsync(run.RunId, CancellationToken.None).ConfigureAwait(false)}");
        var shown = 0;
        string? after = null;
        while (shown < 50)
        {
            var page = await store.ItemsAsync(run.RunId, only, after, 500, CancellationToken.None).ConfigureAwait(false);
            foreach (var item in page.Where(i => only is not null || i.Class != ReconciliationClass.Match).Take(50 - shown))
            {
                if (shown++ == 0)
                {
                    output.WriteLine($"  {"Class",-16} {"SKU",-20} {"Location",-10} {"ERP",8} {"Store",8}  Detail");
                }

                output.WriteLine($"  {item.Class,-16} {item.Sku ?? item.ItemKey,-20} {item.Location ?? "",-10} {item.ErpQuantity?.ToString(CultureInfo.InvariantCulture) ?? "-",8} {item.StoreQuantity?.ToString(CultureInfo.InvariantCulture) ?? "-",8}  {item.Detail}{(item.HealedBy is null ? "" : $" (healed by {item.HealedBy})")}");
            }

            if (page.Count < 500)
            {
                break;
            }

            after = page[^1].ItemKey;
        }

        if (shown == 50)
        {
            output.WriteLine("  (first 50 findings; --csv FILE exports them all)");
        }
    }

    /// <summary>Every item of the run (or of one class) as RFC 4180 CSV, read a page at a time.</summary>
    private static async Task<long> ExportCsvAsync(IReconciliationStore store, long runId, ReconciliationClass? only, string path)
    {
        await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        await writer.WriteLineAsync("class,key,sku,location,erp_quantity,store_quantity,detail,healed_by").ConfigureAwait(false);
        long rows = 0;
        string? after = null;
        while (true)
        {
            var page = await store.ItemsAsync(runId, only, after, 5000, CancellationToken.None).ConfigureAwait(false);
            foreach (var item in page)
            {
                await writer.WriteLineAsync(string.Join(',', new[]
                {
                    item.Class.ToString(), item.ItemKey, item.Sku, item.Location,
                    item.ErpQuantity?.ToString(CultureInfo.InvariantCulture), item.StoreQuantity?.ToString(CultureInfo.InvariantCulture), item.Detail, item.HealedBy,
                }.Select(Csv))).ConfigureAwait(false);
                rows++;
            }

            if (page.Count < 5000)
            {
                return rows;
            }

            after = page[^1].ItemKey;
        }

        static string Csv(string? value) =>
            value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static async Task<int> ListOrdersAsync(IOrderStore store, string? channel, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        OrderState? state = null;
        if (options.TryGetValue("--state", out var stateText))
        {
            if (!Enum.TryParse<OrderState>(stateText, ignoreCase: true, out var parsed) || int.TryParse(stateText, out _))
            {
                error.WriteLine($"orders: --state is one of {string.Join(", ", Enum.GetNames<OrderState>())}, not '{stateText}'.");
                return 2;
            }

            state = parsed;
        }

        var limit = int.TryParse(options.GetValueOrDefault("--limit", "100"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;
        var orders = await store.ListAsync(channel, state, limit, CancellationToken.None).ConfigureAwait(false);
        if (orders.Count == 0)
        {
            output.WriteLine("No orders match.");
            return 0;
        }

        output.WriteLine($"{"OrderId",-32} {"Number",-12} {"Rev",3} {"State",-12} {"Handover",-8} {"ERP document",-14} {"Changed (UTC)",-19} Last error");
        foreach (var o in orders)
        {
            output.WriteLine(
                $"{o.OrderId,-32} {o.OrderNumber,-12} {o.Revision,3} {o.State,-12} {o.Handover,-8} {o.ErpDocumentNumber ?? "-",-14} {o.ChangedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-19} {o.LastError}");
        }

        output.WriteLine($"{orders.Count} order(s){(orders.Count == limit ? $" (first {limit}; --limit for more)" : "")}.");
        return 0;
    }

    private static async Task<int> DryRunAsync(IServiceProvider services, string? channel, string? file, string? documentType, TextWriter output, TextWriter error)
    {
        if (channel is null || file is null)
        {
            error.WriteLine("dry-run: give --channel NAME and --file MESSAGE.xml.");
            return 2;
        }

        if (!File.Exists(file))
        {
            error.WriteLine($"dry-run: no file '{file}'.");
            return 2;
        }

        var registry = services.GetRequiredService<ConnectorRegistry>();
        var maps = services.GetRequiredService<IMessageMaps>();
        try
        {
            var document = XDocument.Load(file, LoadOptions.None);
            var platform = registry.PlatformOf(channel);
            XDocument canonical;
            if (documentType is not null)
            {
                canonical = maps.ToCanonical(documentType, document.Root!, MapParameters.Inbound("DRY-RUN", DateTimeOffset.UtcNow, "DRY-RUN"));
            }
            else
            {
                canonical = document;
            }

            var type = CanonicalMessage.TypeOf(canonical) ?? throw new MappingFailedException($"'{canonical.Root?.Name}' is not a canonical message (SubmitInventory, SubmitProducts, SubmitShipments).");
            var messageId = canonical.Root!.Elements().FirstOrDefault(e => e.Name.LocalName == "MessageId")?.Value ?? "DRY-RUN";
            var items = CanonicalMessage.Parse(type, canonical);
            var plan = RequestPlan.Parse(maps.ToPlan(
                platform, type, canonical, MapParameters.Outbound(messageId, channel, DeliveryPipeline.IdempotencyKey(messageId, channel, items.Keys), registry.MapParametersOf(channel))));
            var calls = await registry.For(channel).PrepareAsync(plan, CancellationToken.None).ConfigureAwait(false);
            output.WriteLine($"Dry run of {type} message {messageId} on channel {channel} ({platform}): {calls.Count} call(s), nothing sent.");
            foreach (var call in calls)
            {
                output.WriteLine();
                output.WriteLine(call.SkipReason is null ? $"{call.Method} {call.Url}" : $"(skipped: {call.SkipReason}) {call.Method} {call.Url}");
                foreach (var header in call.Headers)
                {
                    output.WriteLine($"{header.Key}: {header.Value}");
                }

                if (call.JsonBody is not null)
                {
                    output.WriteLine();
                    output.WriteLine(call.JsonBody);
                }
            }

            return 0;
        }
        catch (Exception ex) when (ex is MappingFailedException or PlanFormatException or System.Xml.XmlException or InvalidOperationException)
        {
            error.WriteLine($"dry-run: {ex.Message}");
            return 1;
        }
    }

    private static int MapsTest(string? folder, string? filter, TextWriter output, TextWriter error)
    {
        // Someone who edits maps runs this inside the repository (dotnet run starts in the project folder): the
        // repository's xslt/ is the one being edited, not the copy in the build output.
        folder ??= RepositoryMaps(Directory.GetCurrentDirectory()) ?? XsltMapEngineOptions.DefaultRoot;
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"maps-test: no folder '{folder}'.");
            return 2;
        }

        using var engine = new XsltMapEngine(new XsltMapEngineOptions { Root = Path.GetFullPath(folder), WatchFiles = false });
        var summary = GoldenCases.RunAll(engine, output, filter);
        return summary.Total == 0 ? 2 : summary.Failed == 0 ? 0 : 1;
    }

    private static string? RepositoryMaps(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ErpBridge.sln")) && Directory.Exists(Path.Combine(directory.FullName, "xslt")))
            {
                return Path.Combine(directory.FullName, "xslt");
            }
        }

        return null;
    }

    private static bool TryOptions(string[] args, out Dictionary<string, string> options, out string? problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"unexpected argument '{name}'.";
                return false;
            }

            if (name == "--all")
            {
                options[name] = "true";
                continue;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"{name} needs a value.";
                return false;
            }

            options[name] = args[++i];
        }

        return true;
    }
}
