using ErpBridge.Core.Orders;
using Microsoft.AspNetCore.Mvc;

namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>Store orders held for the ERP: counts per channel and state, and the orders of one state (new, fetched with their visibility deadline, acknowledged, push failures).</summary>
public sealed class OrdersModel(IOrderStore orders) : ConsolePage
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
        Counts = await orders.CountAsync(cancellationToken);
        Orders = await orders.ListAsync(Channel, State, PageSize, cancellationToken);
    }
}
