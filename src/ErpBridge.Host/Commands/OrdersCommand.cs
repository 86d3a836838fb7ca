using System.CommandLine;
using System.Globalization;
using ErpBridge.Core.Orders;

namespace ErpBridge.Host.Commands;

/// <summary><c>orders</c>: store orders held for the ERP. Exit codes: 0 listed (also none), 2 bad usage, 3 no database.</summary>
public static class OrdersCommand
{
    public static Command Create(CommandContext context)
    {
        var channel = CommandOptions.Channel("Only this channel's orders.");
        var state = CommandOptions.Enum<OrderState>("--state", "STATE", "Only orders in this state.");
        var limit = CommandOptions.Limit();
        var json = CommandOptions.Json();
        var command = new Command("orders", """
            List the store orders held for the ERP, newest change first, with their state and last error.

            Exit codes: 0 listed (also when none match), 2 bad usage, 3 database not found.
            """)
        {
            channel, state, limit, json,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(context, "orders", services =>
            RunAsync(services, context, parse.GetValue(channel), parse.GetValue(state), parse.GetValue(limit), parse.GetValue(json), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, string? channel, OrderState? state, int limit, bool json, CancellationToken cancellationToken)
    {
        var orders = await services.GetRequiredService<IOrderStore>().ListAsync(channel, state, limit, cancellationToken);
        var output = context.Output;
        if (json)
        {
            CommandJson.Write(output, new { count = orders.Count, limit, orders });
            return ExitCodes.Done;
        }

        if (orders.Count == 0)
        {
            output.WriteLine("No orders match.");
            return ExitCodes.Done;
        }

        output.WriteLine($"{"OrderId",-32} {"Number",-12} {"Rev",3} {"State",-12} {"Handover",-8} {"ERP document",-14} {"Changed (UTC)",-19} Last error");
        foreach (var o in orders)
        {
            output.WriteLine(
                $"{o.OrderId,-32} {o.OrderNumber,-12} {o.Revision,3} {o.State,-12} {o.Handover,-8} {o.ErpDocumentNumber ?? "-",-14} {o.ChangedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-19} {o.LastError}");
        }

        output.WriteLine($"{orders.Count} order(s){(orders.Count == limit ? $" (first {limit}; --limit for more)" : "")}.");
        return ExitCodes.Done;
    }
}
