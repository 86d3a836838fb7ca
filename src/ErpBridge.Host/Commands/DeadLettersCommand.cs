using System.CommandLine;
using System.Globalization;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Host.Commands;

/// <summary>
/// <c>dead-letters</c>: failed deliveries with their last error, and failed items of delivered messages (the item and
/// why). Exit codes: 0 listed (also none), 2 bad usage, 3 no database.
/// </summary>
public static class DeadLettersCommand
{
    public static Command Create(CommandContext context)
    {
        var channel = CommandOptions.Channel("Only this channel's dead letters.");
        var limit = CommandOptions.Limit();
        var json = CommandOptions.Json();
        var command = new Command("dead-letters", """
            List failed deliveries with their last error, oldest first, and the failed items of delivered
            messages (Item: the item's key, e.g. inv:SKU@LOCATION) with why each failed.

            Exit codes: 0 listed (also when there are none), 2 bad usage, 3 database not found.
            """)
        {
            channel, limit, json,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(context, "dead-letters", services =>
            RunAsync(services, context, parse.GetValue(channel), parse.GetValue(limit), parse.GetValue(json), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, string? channel, int limit, bool json, CancellationToken cancellationToken)
    {
        var dead = await services.GetRequiredService<IDeliveryStore>().ListDeadLettersAsync(channel, limit, cancellationToken);
        var output = context.Output;
        if (json)
        {
            CommandJson.Write(output, new { count = dead.Count, limit, deadLetters = dead });
            return ExitCodes.Done;
        }

        if (dead.Count == 0)
        {
            output.WriteLine(channel is null ? "No dead letters." : $"No dead letters on channel {channel}.");
            return ExitCodes.Done;
        }

        output.WriteLine($"{"MessageId",-36} {"Channel",-20} {"Type",-10} {"Item",-30} {"Attempts",8}  {"Last attempt (UTC)",-20} Last error");
        foreach (var d in dead)
        {
            output.WriteLine($"{d.MessageId,-36} {d.Channel,-20} {d.Type,-10} {d.Item ?? "(all)",-30} {d.Attempts,8}  {d.LastAttemptAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-20} {d.LastError}");
        }

        output.WriteLine($"{dead.Count} dead letter(s){(dead.Count == limit ? $" (first {limit}; --limit for more)" : "")}.");
        return ExitCodes.Done;
    }
}
