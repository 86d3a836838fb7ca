using System.Text;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using Microsoft.AspNetCore.Mvc;

namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>Failed deliveries and failed items per channel, with their reason: resubmit or discard them, or download them as CSV.</summary>
public sealed class DeadLettersModel(IDeliveryStore deliveries, BridgeOptions bridge, TimeProvider time) : ConsolePage
{
    public const int PageSize = 500;

    /// <summary>How many rows the CSV download holds at most.</summary>
    public const int CsvLimit = 100_000;

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    public IReadOnlyList<DeadLetter> DeadLetters { get; private set; } = [];

    public IReadOnlyList<string> ChannelNames => [.. bridge.Channels.Keys.Order(StringComparer.Ordinal)];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Channel = string.IsNullOrEmpty(Channel) ? null : Channel;
        DeadLetters = await deliveries.ListDeadLettersAsync(Channel, PageSize, cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var channel = string.IsNullOrEmpty(Channel) ? null : Channel;
        var dead = await deliveries.ListDeadLettersAsync(channel, CsvLimit, cancellationToken);
        var csv = new StringBuilder(Csv.Line("MessageId", "Channel", "Type", "Item", "Attempts", "LastAttemptAtUtc", "Reason"));
        foreach (var d in dead)
        {
            csv.Append(Csv.Line(d.MessageId, d.Channel, d.Type, d.Item, d.Attempts, d.LastAttemptAt?.UtcDateTime.ToString("O"), d.LastError));
        }

        var name = $"dead-letters{(channel is null ? "" : "-" + channel)}-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv";
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }

    public Task<IActionResult> OnPostResubmitAsync(string[] selected, CancellationToken cancellationToken) => ActAsync(selected, discard: false, cancellationToken);

    public Task<IActionResult> OnPostDiscardAsync(string[] selected, CancellationToken cancellationToken) => ActAsync(selected, discard: true, cancellationToken);

    public Task<IActionResult> OnPostResubmitAllAsync(CancellationToken cancellationToken) => ActOnAllAsync(discard: false, cancellationToken);

    public Task<IActionResult> OnPostDiscardAllAsync(CancellationToken cancellationToken) => ActOnAllAsync(discard: true, cancellationToken);

    private async Task<IActionResult> ActAsync(string[] selected, bool discard, CancellationToken cancellationToken)
    {
        if (RefuseViewer() is { } refused)
        {
            return refused;
        }

        var keys = selected.Select(DeadLetterKey.Parse).OfType<DeadLetterKey>().Distinct().ToList();
        var count = 0;
        foreach (var key in keys)
        {
            count += await DeadLetterActions.ApplyAsync(deliveries, key.MessageId, key.Channel, key.Item, discard, OperatorName, time.GetUtcNow(), cancellationToken);
            await RecordAsync(discard ? "Discard" : "Resubmit", key.MessageId, key.Channel, key.Item is null ? null : $"item {key.Item}", cancellationToken);
        }

        Notice = keys.Count == 0 ? "Nothing selected." : DeadLetterActions.Describe(count, discard);
        return RedirectToPage(new { channel = Channel });
    }

    private async Task<IActionResult> ActOnAllAsync(bool discard, CancellationToken cancellationToken)
    {
        if (RefuseViewer() is { } refused)
        {
            return refused;
        }

        var channel = string.IsNullOrEmpty(Channel) ? null : Channel;
        var count = await DeadLetterActions.ApplyAsync(deliveries, null, channel, null, discard, OperatorName, time.GetUtcNow(), cancellationToken);
        await RecordAsync(discard ? "DiscardAll" : "ResubmitAll", null, channel, $"{count} dead letter(s)", cancellationToken);
        Notice = DeadLetterActions.Describe(count, discard);
        return RedirectToPage(new { channel = Channel });
    }
}
