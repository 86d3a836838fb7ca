using System.CommandLine;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Reconciliation;

namespace ErpBridge.Host.Commands;

/// <summary><c>reconcile</c>: reconcile now and print the report. Exit codes: 0 every run completed, 1 a run did not, 2 bad usage, 3 no database.</summary>
public static class ReconcileCommand
{
    public static Command Create(CommandContext context)
    {
        var channel = CommandOptions.Channel("Only this channel (default: every channel that can be reconciled).");
        var json = CommandOptions.Json();
        var command = new Command("reconcile", """
            Reconcile stock now, with progress, and print each run's report.

            A run another process left unfinished is carried on. With --json the progress goes to standard error.

            Exit codes: 0 every run completed, 1 a run did not complete, 2 bad usage (or a channel that cannot
            be reconciled), 3 database not found.
            """)
        {
            channel, json,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(context, "reconcile", services =>
            RunAsync(services, context, parse.GetValue(channel), parse.GetValue(json), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, string? channel, bool json, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<ReconciliationRunner>();
        var store = services.GetRequiredService<IReconciliationStore>();
        var channels = runner.ReconcilableChannels();
        if (channel is not null)
        {
            if (!channels.Contains(channel, StringComparer.Ordinal))
            {
                context.Error.WriteLine($"reconcile: channel '{channel}' cannot be reconciled; these can: {string.Join(", ", channels)}.");
                return ExitCodes.Usage;
            }

            channels = [channel];
        }

        // With --json the progress goes to the error writer, so that standard output is one JSON document.
        var progress = json ? context.Error : context.Output;
        var reports = new List<object>();
        var result = ExitCodes.Done;
        foreach (var name in channels)
        {
            var (run, started) = await store.StartAsync(name, "command", runner.Heals(name), services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
            progress.WriteLine(started ? $"Reconciling {name} (run {run.RunId})..." : $"Carrying on run {run.RunId} of {name} from {run.Phase}...");
            var finished = await runner.RunAsync(run.RunId, cancellationToken);
            if (json)
            {
                reports.Add(await ReconciliationReportOutput.ToJsonAsync(store, finished, null, cancellationToken));
            }
            else
            {
                await ReconciliationReportOutput.PrintAsync(store, finished, null, context.Output, cancellationToken);
            }

            result = finished.Status == ReconciliationStatus.Completed ? result : ExitCodes.Failed;
        }

        if (json)
        {
            CommandJson.Write(context.Output, new { runs = reports });
        }

        return result;
    }
}
