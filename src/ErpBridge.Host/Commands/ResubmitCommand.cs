using System.CommandLine;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Host.Commands;

/// <summary><c>resubmit</c>: failed deliveries back in the queue. Exit codes: 0 resubmitted, 1 nothing matched, 2 bad usage, 3 no database.</summary>
public static class ResubmitCommand
{
    public static Command Create(CommandContext context)
    {
        var message = new Option<string>("--message") { Description = "Resubmit this message's failed deliveries.", HelpName = "ID" };
        var channel = CommandOptions.Channel("Only this channel (with --message), or every failed delivery of it (with --all).");
        var all = new Option<bool>("--all") { Description = "With --channel: every failed delivery of the channel." };
        var command = new Command("resubmit", """
            Put failed deliveries back in the queue with a fresh attempt budget.

            Either one message's (--message ID, optionally on one --channel) or a whole channel's
            (--channel NAME --all). A running bridge delivers them at its next poll.

            Exit codes: 0 resubmitted, 1 no failed delivery matched, 2 bad usage, 3 database not found.
            """)
        {
            message, channel, all,
        };
        CommandOptions.RequireIdOrChannelAll(command, message, channel, all, "give --message ID (optionally --channel NAME), or --channel NAME --all.");
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(context, "resubmit", services =>
            RunAsync(services, context, parse.GetValue(message), parse.GetValue(channel), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, string? message, string? channel, CancellationToken cancellationToken)
    {
        var count = await services.GetRequiredService<IDeliveryStore>().ResubmitAsync(message, channel, services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        context.Output.WriteLine(count == 0
            ? "Nothing to resubmit: no failed delivery matches."
            : $"Resubmitted {count} deliver{(count == 1 ? "y" : "ies")}; a running bridge delivers {(count == 1 ? "it" : "them")} at its next poll.");
        return count == 0 ? ExitCodes.Failed : ExitCodes.Done;
    }
}
