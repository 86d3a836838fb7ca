using ErpBridge.Core.Operators;
using Microsoft.AspNetCore.Mvc;

namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>One store order: its canonical XML and what happened to it.</summary>
public sealed class OrderModel(IOrderBrowser browser) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public OrderDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Detail = await browser.GetOrderAsync(Id, cancellationToken);
        return Detail is null ? NotFound() : Page();
    }
}
