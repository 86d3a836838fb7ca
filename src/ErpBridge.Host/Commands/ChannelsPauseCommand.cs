using System.CommandLine;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Host.Commands;

/// <summary><c>channels pause NAME --reason TEXT</c>: stops delivery to a channel until an operator resumes it. Exit codes: 0 paused, 1 no such channel, 2 bad usage, 3 no database.</summary>
public static class ChannelsPauseCommand
{
    public static Command Create(CommandContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The channel." };
        var reason = new Option<string>("--reason") { Description = "Why, shown in status and the log.", HelpName = "TEXT", Required = true };
        var command = new Command("pause", """
            Stop delivering to a channel: its messages stay pending without spending attempts until
            'channels resume NAME'. A running bridge stops at its next round; a pause made here is not
            lifted by the bridge's credential probe.

            Exit codes: 0 paused, 1 no such channel, 2 bad usage, 3 database not found.
            """)
        {
            name, reason,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(context, "channels pause", services =>
            RunAsync(services, context, parse.GetRequiredValue(name), parse.GetRequiredValue(reason), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, string channel, string reason, CancellationToken cancellationToken)
    {
        if (!ChannelsListCommand.Known(services, channel))
        {
            context.Error.WriteLine($"No channel '{channel}' is configured (ErpBridge:Channels).");
            return ExitCodes.Failed;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await services.GetRequiredService<IDeliveryStore>().PauseChannelAsync(new ChannelPause(channel, PauseKind.Operator, reason, now, null), cancellationToken);
        context.Output.WriteLine($"Channel {channel} paused: {reason}. Its messages stay pending; 'channels resume {channel}' resumes it.");
        return ExitCodes.Done;
    }
}
