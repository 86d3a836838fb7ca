using System.CommandLine;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Host.Commands;

/// <summary>
/// <c>resubmit</c>: failed deliveries back in the queue, and failed items of delivered messages (only those items are
/// sent again). Exit codes: 0 resubmitted, 1 nothing matched, 2 bad usage, 3 no database.
/// </summary>
public static class ResubmitCommand
{
    public static Command Create(CommandContext context)
    {
        var message = new Option<string>("--message") { Description = "Resubmit this message's failed deliveries.", HelpName = "ID" };
        var channel = CommandOptions.Channel("Only this channel (with --message), or every failed delivery of it (with --all).");
        var all = new Option<bool>("--all") { Description = "With --channel: every failed delivery and failed item of the channel." };
        var item = new Option<string>("--item") { Description = "With --message: only this failed item (its key, e.g. inv:SKU@LOCATION, as dead-letters lists it).", HelpName = "KEY" };
        var command = new Command("resubmit", """
            Put failed deliveries back in the queue with a fresh attempt budget, and the failed items of
            delivered messages: their delivery sends only those items again (an item a newer message has
            delivered since is left out, never overwritten).

            Either one message's (--message ID, optionally on one --channel, optionally one --item KEY) or a
            whole channel's (--channel NAME --all). A running bridge delivers them at its next poll.

            Exit codes: 0 resubmitted, 1 nothing failed matched, 2 bad usage, 3 database not found.
            """)
        {
            message, channel, all, item,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(item) is not null && result.GetValue(message) is null)
            {
                result.AddError("--item needs --message ID.");
            }
        });
        CommandOptions.RequireIdOrChannelAll(command, message, channel, all, "give --message ID (optionally --channel NAME), or --channel NAME --all.");
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(context, "resubmit", services =>
            RunAsync(services, context, parse.GetValue(message), parse.GetValue(channel), parse.GetValue(item), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, string? message, string? channel, string? item, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDeliveryStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (deliveries, items) = await DeadLetterResubmit.RunAsync(store, message, channel, item, now, cancellationToken);
        if (deliveries == 0 && items == 0)
        {
            context.Output.WriteLine(item is null ? "Nothing to resubmit: no failed delivery or item matches." : $"Nothing to resubmit: item '{item}' has not failed on a delivered message.");
            return ExitCodes.Failed;
        }

        var parts = new List<string>(2);
        if (deliveries > 0)
        {
            parts.Add($"{deliveries} deliver{(deliveries == 1 ? "y" : "ies")}");
        }

        if (items > 0)
        {
            parts.Add($"{items} failed item{(items == 1 ? "" : "s")}");
        }

        context.Output.WriteLine($"Resubmitted {string.Join(" and ", parts)}; a running bridge sends {(deliveries + items == 1 ? "it" : "them")} at its next poll.");
        return ExitCodes.Done;
    }
}
