using System.Xml;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Operators;
using ErpBridge.Core.Status;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;
using Microsoft.AspNetCore.Mvc;

namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>
/// One message: as received and as mapped, each channel's status and every attempt, what operators did to it, and on
/// request the exact calls its map would make on a channel now (the dry run; read-only calls to the platform).
/// </summary>
public sealed class MessageModel(IMessageBrowser browser, IMessageStore messages, IDeliveryStore deliveries, IOperatorActionStore actions, TimeProvider time) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? DryRun { get; set; }

    public MessageDetail? Detail { get; private set; }

    public IReadOnlyList<DeliveryView> Deliveries { get; private set; } = [];

    public IReadOnlyList<AttemptView> History { get; private set; } = [];

    public IReadOnlyList<OperatorAction> Actions { get; private set; } = [];

    public string? DryRunChannel { get; private set; }

    public IReadOnlyList<PreparedCall> DryRunCalls { get; private set; } = [];

    public int DecidedAtDelivery { get; private set; }

    public string? DryRunError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Detail = await browser.GetAsync(Id, cancellationToken);
        if (Detail is null)
        {
            return NotFound();
        }

        Deliveries = (await messages.GetStatusAsync(Id, cancellationToken))?.Deliveries ?? [];
        History = await deliveries.GetHistoryAsync(Id, cancellationToken);
        Actions = await actions.ListAsync(Id, null, 100, cancellationToken);
        if (!string.IsNullOrEmpty(DryRun) && Deliveries.Any(d => d.Channel == DryRun))
        {
            await DryRunAsync(DryRun, cancellationToken);
        }

        return Page();
    }

    public Task<IActionResult> OnPostResubmitAsync(string channel, CancellationToken cancellationToken) => ActAsync(channel, discard: false, cancellationToken);

    public Task<IActionResult> OnPostDiscardAsync(string channel, CancellationToken cancellationToken) => ActAsync(channel, discard: true, cancellationToken);

    private async Task<IActionResult> ActAsync(string channel, bool discard, CancellationToken cancellationToken)
    {
        if (RefuseViewer() is { } refused)
        {
            return refused;
        }

        var count = await DeadLetterActions.ApplyAsync(deliveries, Id, channel, null, discard, OperatorName, time.GetUtcNow(), cancellationToken);
        await RecordAsync(discard ? "Discard" : "Resubmit", Id, channel, null, cancellationToken);
        Notice = DeadLetterActions.Describe(count, discard);
        return RedirectToPage(new { id = Id });
    }

    private async Task DryRunAsync(string channel, CancellationToken cancellationToken)
    {
        DryRunChannel = channel;
        try
        {
            // A raw document mapped at the door has its canonical message stored; an older one is mapped again here.
            var mapAgain = Detail!.Canonical is null && Detail.DocumentType is not null;
            var document = XDocument.Parse(Detail.Canonical ?? Detail.Payload);
            var (_, _, _, decided, calls) = await MessageDryRun.PlanAsync(HttpContext.RequestServices, channel, document, mapAgain ? Detail.DocumentType : null, cancellationToken);
            DryRunCalls = calls;
            DecidedAtDelivery = decided;
        }
        catch (Exception ex) when (ex is MappingFailedException or PlanFormatException or XmlException or InvalidOperationException or HttpRequestException)
        {
            DryRunError = ex.Message;
        }
    }
}
