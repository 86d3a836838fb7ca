using System.CommandLine;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Host.Commands;

/// <summary><c>channels list</c>: every configured channel, Active or Paused with who paused it and why. Exit codes: 0 listed, 2 bad usage, 3 no database.</summary>
public static class ChannelsListCommand
{
    public static Command Create(CommandContext context)
    {
        var json = CommandOptions.Json();
        var command = new Command("list", """
            List the configured channels: Active, or Paused with who paused it (Operator, or Credentials when
            the store refused them), since when and why.

            Exit codes: 0 listed, 2 bad usage, 3 database not found.
            """)
        {
            json,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(context, "channels list", services =>
            RunAsync(services, context, parse.GetValue(json), cancellationToken)));
        return command;
    }

    /// <summary>Whether the channel is configured.</summary>
    public static bool Known(IServiceProvider services, string channel) =>
        services.GetRequiredService<BridgeOptions>().Channels.ContainsKey(channel);

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, bool json, CancellationToken cancellationToken)
    {
        var pauses = (await services.GetRequiredService<IDeliveryStore>().ListPausesAsync(cancellationToken)).ToDictionary(p => p.Channel, StringComparer.Ordinal);
        var channels = services.GetRequiredService<BridgeOptions>().Channels.Keys.Order(StringComparer.Ordinal).ToList();
        var rows = channels.Select(c => pauses.TryGetValue(c, out var p)
            ? new { channel = c, state = "Paused", pausedBy = (string?)p.By.ToString(), reason = (string?)p.Reason, pausedAt = (DateTimeOffset?)p.PausedAt, probeAt = p.ProbeAt }
            : new { channel = c, state = "Active", pausedBy = (string?)null, reason = (string?)null, pausedAt = (DateTimeOffset?)null, probeAt = (DateTimeOffset?)null }).ToList();
        if (json)
        {
            CommandJson.Write(context.Output, new { channels = rows });
            return ExitCodes.Done;
        }

        foreach (var row in rows)
        {
            context.Output.WriteLine(row.state == "Active"
                ? $"{row.channel}: Active"
                : $"{row.channel}: Paused by {row.pausedBy} since {row.pausedAt!.Value.UtcDateTime:O}: {row.reason}");
        }

        return ExitCodes.Done;
    }
}
