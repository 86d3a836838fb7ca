using System.CommandLine;

namespace ErpBridge.Host.Commands;

/// <summary><c>channels</c>: the channels' delivery state, and <c>channels pause</c> / <c>channels resume</c> by hand.</summary>
public static class ChannelsCommand
{
    public static Command Create(CommandContext context) =>
        new("channels", """
            Pause or resume a channel's delivery (pause, resume) or list the channels with their state (list).

            A channel also pauses by itself when its store refuses the credentials (401/403), and resumes by itself
            once a delivery tried every ErpBridge:Delivery:PausedProbeInterval goes through again.
            """)
        {
            ChannelsListCommand.Create(context),
            ChannelsPauseCommand.Create(context),
            ChannelsResumeCommand.Create(context),
        };
}
