using ErpBridge.Core.Orders;
using ErpBridge.Core.Routing;
using Microsoft.AspNetCore.Mvc;

namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>Store orders held for the ERP: counts per configured channel and state (each an index range of that channel), and the orders of one state (new, fetched with their visibility deadline, acknowledged, push failures).</summary>
public sealed class OrdersModel(IOrderStore orders, BridgeOptions bridge) : ConsolePage
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public OrderState? State { get; set; }

    public IReadOnlyList<OrderCount> Counts { get; private set; } = [];

    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Channel = string.IsNullOrWhiteSpace(Channel) ? null : Channel.Trim();
        var counts = new List<OrderCount>();
        foreach (var channel in bridge.Channels.Keys.Order(StringComparer.Ordinal))
        {
            counts.AddRange(await orders.CountAsync(channel, cancellationToken));
        }

        Counts = counts;
        Orders = await orders.ListAsync(Channel, State, PageSize, cancellationToken);
    }
}
