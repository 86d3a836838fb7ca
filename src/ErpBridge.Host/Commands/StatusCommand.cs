using System.CommandLine;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;

namespace ErpBridge.Host.Commands;

/// <summary><c>status</c>: one message on every channel, with its history. Exit codes: 0 shown, 1 no such message, 2 bad usage, 3 no database.</summary>
public static class StatusCommand
{
    public static Command Create(CommandContext context)
    {
        var message = new Option<string>("--message") { Description = "The message's MessageId.", HelpName = "ID", Required = true };
        var json = CommandOptions.Json();
        var command = new Command("status", """
            Show one message's status on each channel and every attempt's outcome.

            Exit codes: 0 shown, 1 no such message, 2 bad usage, 3 database not found.
            """)
        {
            message, json,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(context, "status", services =>
            RunAsync(services, context, parse.GetRequiredValue(message), parse.GetValue(json), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, string message, bool json, CancellationToken cancellationToken)
    {
        var status = await services.GetRequiredService<IMessageStore>().GetStatusAsync(message, cancellationToken);
        if (status is null)
        {
            context.Error.WriteLine($"No message with MessageId '{message}'.");
            return ExitCodes.Failed;
        }

        var deliveries = services.GetRequiredService<IDeliveryStore>();
        var history = await deliveries.GetHistoryAsync(message, cancellationToken);
        var channels = status.Deliveries.Select(d => d.Channel).ToHashSet(StringComparer.Ordinal);
        var paused = (await deliveries.ListPausesAsync(cancellationToken)).Where(p => channels.Contains(p.Channel)).ToDictionary(p => p.Channel, StringComparer.Ordinal);
        var output = context.Output;
        if (json)
        {
            var pausedChannels = paused.Values.Select(p => new { p.Channel, state = "Paused", pausedBy = p.By.ToString(), p.Reason, p.PausedAt, p.ProbeAt });
            CommandJson.Write(output, new { status.MessageId, status.Type, status.ReceivedAt, status.Deliveries, pausedChannels, history });
            return ExitCodes.Done;
        }

        output.WriteLine($"{status.MessageId}: {status.Type}, received {status.ReceivedAt.UtcDateTime:O}");
        foreach (var d in status.Deliveries)
        {
            var items = d.Items ?? [];
            var summary = items.Count == 0 ? "" : $" with {ItemOutcome.Summary(items.Select(i => i.State))}";
            var pause = paused.TryGetValue(d.Channel, out var p) ? $"; channel Paused ({p.By}): {p.Reason}" : "";
            output.WriteLine($"  {d.Channel}: {d.Status}{summary}, {d.Attempts} attempt(s){(d.NextAttemptAt is { } next ? $", next at {next.UtcDateTime:O}" : "")}{(d.LastError is { } last ? $", last error: {last}" : "")}{pause}");
            foreach (var i in items)
            {
                output.WriteLine($"    {i.State.ToString().ToLowerInvariant()} {i.Item}: {i.Reason}");
            }
        }

        foreach (var h in history)
        {
            output.WriteLine($"  {h.At.UtcDateTime:O} {h.Channel}: {h.From?.ToString() ?? "-"} -> {h.To}{(h.Detail is null ? "" : ": " + h.Detail)}");
        }

        return ExitCodes.Done;
    }
}
