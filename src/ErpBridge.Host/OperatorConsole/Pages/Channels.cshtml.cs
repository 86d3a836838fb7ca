using ErpBridge.Core.Delivery;
using ErpBridge.Core.Operators;
using ErpBridge.Core.Routing;
using Microsoft.AspNetCore.Mvc;

namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>Each channel's state, paused and resumed by an operator with a reason; and what operators did lately.</summary>
public sealed class ChannelsModel(IDeliveryStore deliveries, IOperatorActionStore actions, BridgeOptions bridge, TimeProvider time) : ConsolePage
{
    public IReadOnlyList<ChannelRow> Channels { get; private set; } = [];

    public IReadOnlyList<OperatorAction> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var pauses = (await deliveries.ListPausesAsync(cancellationToken)).ToDictionary(p => p.Channel, StringComparer.Ordinal);
        Channels = [.. bridge.Channels.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new ChannelRow(c.Key, c.Value.Platform, pauses.GetValueOrDefault(c.Key)))];
        Actions = await actions.ListAsync(null, null, 50, cancellationToken);
    }

    public async Task<IActionResult> OnPostPauseAsync(string channel, string? reason, CancellationToken cancellationToken)
    {
        if (RefuseViewer() is { } refused)
        {
            return refused;
        }

        if (!bridge.Channels.ContainsKey(channel ?? ""))
        {
            Notice = $"No channel '{channel}' is configured.";
            return RedirectToPage();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            Notice = "A pause needs a reason: it is shown to everyone who looks at the channel.";
            return RedirectToPage();
        }

        var why = $"{reason.Trim()} ({OperatorName})";
        await deliveries.PauseChannelAsync(new ChannelPause(channel!, PauseKind.Operator, why, time.GetUtcNow(), null), cancellationToken);
        await RecordAsync("Pause", null, channel, reason.Trim(), cancellationToken);
        Notice = $"Channel {channel} paused: its messages stay pending until it is resumed.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResumeAsync(string channel, CancellationToken cancellationToken)
    {
        if (RefuseViewer() is { } refused)
        {
            return refused;
        }

        var resumed = await deliveries.ResumeChannelAsync(channel ?? "", PauseKind.Operator, cancellationToken);
        if (resumed)
        {
            await RecordAsync("Resume", null, channel, null, cancellationToken);
        }

        Notice = resumed ? $"Channel {channel} resumed: its pending messages go at the next round." : $"Channel {channel} was not paused.";
        return RedirectToPage();
    }

    /// <summary>A channel as this page lists it.</summary>
    public sealed record ChannelRow(string Name, string Platform, ChannelPause? Pause);
}
