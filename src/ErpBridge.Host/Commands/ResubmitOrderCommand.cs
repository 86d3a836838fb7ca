using System.CommandLine;
using ErpBridge.Core.Orders;

namespace ErpBridge.Host.Commands;

/// <summary><c>resubmit-order</c>: failed order pushes again. Exit codes: 0 resubmitted, 1 nothing matched, 2 bad usage, 3 no database.</summary>
public static class ResubmitOrderCommand
{
    public static Command Create(CommandContext context)
    {
        var order = new Option<string>("--order") { Description = "Push this order again.", HelpName = "ID" };
        var channel = CommandOptions.Channel("With --all: every failed order push of this channel.");
        var all = new Option<bool>("--all") { Description = "With --channel: every failed order push of the channel." };
        var command = new Command("resubmit-order", """
            Push orders whose push to the ERP Failed again, with a fresh attempt budget.

            Either one order (--order ID) or a whole channel's (--channel NAME --all). A running bridge pushes
            them within its push interval.

            Exit codes: 0 resubmitted, 1 no failed order push matched, 2 bad usage, 3 database not found.
            """)
        {
            order, channel, all,
        };
        CommandOptions.RequireIdOrChannelAll(command, order, channel, all, "give --order ID, or --channel NAME --all.");
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(context, "resubmit-order", services =>
            RunAsync(services, context, parse.GetValue(order), parse.GetValue(channel), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, string? order, string? channel, CancellationToken cancellationToken)
    {
        var orders = await services.GetRequiredService<IOrderStore>().ResubmitAsync(order, channel, services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        context.Output.WriteLine(orders == 0
            ? "Nothing to resubmit: no failed order push matches."
            : $"Resubmitted {orders} order{(orders == 1 ? "" : "s")}; a running bridge pushes {(orders == 1 ? "it" : "them")} within its push interval.");
        return orders == 0 ? ExitCodes.Failed : ExitCodes.Done;
    }
}
