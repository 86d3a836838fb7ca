using System.CommandLine;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Host.Commands;

/// <summary><c>channels resume NAME</c>: lifts a channel's pause, whoever made it. Exit codes: 0 resumed, 1 not paused, 2 bad usage, 3 no database.</summary>
public static class ChannelsResumeCommand
{
    public static Command Create(CommandContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The channel." };
        var command = new Command("resume", """
            Deliver to a paused channel again, whether an operator paused it or its store refused the
            credentials (then the next delivery shows whether they work now). A running bridge delivers its
            pending messages at its next poll.

            Exit codes: 0 resumed, 1 the channel was not paused, 2 bad usage, 3 database not found.
            """)
        {
            name,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(context, "channels resume", services =>
            RunAsync(services, context, parse.GetRequiredValue(name), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, string channel, CancellationToken cancellationToken)
    {
        if (!await services.GetRequiredService<IDeliveryStore>().ResumeChannelAsync(channel, PauseKind.Operator, cancellationToken))
        {
            context.Error.WriteLine($"Channel {channel} is not paused.");
            return ExitCodes.Failed;
        }

        context.Output.WriteLine($"Channel {channel} resumed; a running bridge delivers its pending messages at its next poll.");
        return ExitCodes.Done;
    }
}
