using System.Globalization;
using System.Text.Json.Nodes;
using ErpBridge.Connectors;
using ErpBridge.Core.Alerts;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Orders;
using ErpBridge.Reconciliation;

namespace ErpBridge.Host.Alerts;

/// <summary>
/// The conditions read from the store rather than reported by event sites, so that every way they come about counts
/// (a pause by the delivery, the command line or the console, on any node): each channel's pause, its order polling
/// against the lag threshold, and its latest completed reconciliation run against the drift threshold. Each check
/// keeps the value it last saw per channel in alert_states; a change and its alert are written in one transaction,
/// guarded by the value seen before, so that a change alerts once whichever node sees it first and however often the
/// host restarts.
/// </summary>
public sealed class AlertChecks(
    IAlertStore alerts,
    IDeliveryStore deliveries,
    IReconciliationStore reconciliations,
    ConnectorRegistry connectors,
    OrderPoller poller,
    OrdersOptions orders,
    ReconciliationRunner reconciliation,
    AlertPublisher publisher,
    AlertOptions options,
    TimeProvider time)
{
    private const string Active = "active";
    private const string Behind = "behind";
    private const string UpToDate = "ok";

    // A channel never polled yet is measured from this node's start, so a fresh installation is not behind at once.
    private readonly DateTimeOffset started = time.GetUtcNow();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await CheckPausesAsync(cancellationToken);
        if (orders.Enabled)
        {
            await CheckOrderPollingAsync(cancellationToken);
        }

        await CheckReconciliationsAsync(cancellationToken);
    }

    private async Task CheckPausesAsync(CancellationToken cancellationToken)
    {
        var pauses = (await deliveries.ListPausesAsync(cancellationToken)).ToDictionary(p => p.Channel, StringComparer.Ordinal);
        foreach (var channel in connectors.DeliverableChannels().Union(pauses.Keys, StringComparer.Ordinal))
        {
            var pause = pauses.GetValueOrDefault(channel);
            var value = pause is null ? Active : $"{pause.By}|{pause.PausedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}";
            await ObserveAsync($"pause:{channel}", value, before => (pause, before) switch
            {
                ({ } p, _) => Paused(p),
                (null, { } was) when was != Active => Resumed(channel, was),
                _ => null,
            }, cancellationToken);
        }
    }

    private async Task CheckOrderPollingAsync(CancellationToken cancellationToken)
    {
        var polls = await alerts.LastOrderPollsAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var channel in poller.PollableChannels())
        {
            var last = polls.TryGetValue(channel, out var at) ? at : (DateTimeOffset?)null;
            var lag = now - (last ?? started);
            var behind = lag > options.OrderPollingLag;
            await ObserveAsync($"orders:{channel}", behind ? Behind : UpToDate, before => (behind, before) switch
            {
                (true, _) => PollingBehind(channel, last, lag),
                (false, Behind) => PollingResolved(channel, last!.Value, lag),
                _ => null,
            }, cancellationToken);
        }
    }

    private async Task CheckReconciliationsAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in reconciliation.ReconcilableChannels())
        {
            if (await reconciliations.LatestAsync(channel, cancellationToken) is not { Status: ReconciliationStatus.Completed } run)
            {
                continue;
            }

            var key = $"reconciliation:{channel}";
            var value = run.RunId.ToString(CultureInfo.InvariantCulture);
            if (await alerts.GetStateAsync(key, cancellationToken) == value)
            {
                continue;
            }

            var counts = (await reconciliations.CountsAsync(run.RunId, cancellationToken)).ToDictionary(c => c.Class, c => c.Count);
            await ObserveAsync(key, value, _ => Drift(run, counts), cancellationToken);
        }
    }

    /// <summary>Records <paramref name="value"/> for <paramref name="key"/> when it changed, with the alert <paramref name="alertFor"/> makes of the value before (null: none).</summary>
    private async Task ObserveAsync(string key, string value, Func<string?, Alert?> alertFor, CancellationToken cancellationToken)
    {
        var before = await alerts.GetStateAsync(key, cancellationToken);
        if (before == value)
        {
            return;
        }

        var alert = alertFor(before);
        await alerts.TransitionAsync(key, before, value, alert is null ? [] : publisher.Rows(alert), time.GetUtcNow(), cancellationToken);
    }

    private static Alert Paused(ChannelPause pause)
    {
        var automatic = pause.By == PauseKind.Credentials;
        return new Alert(
            AlertKind.ChannelPaused,
            "channel.paused",
            automatic ? AlertSeverity.Critical : AlertSeverity.Warning,
            pause.Channel,
            automatic
                ? $"Channel {pause.Channel} paused automatically: {pause.Reason}. Its messages wait; it resumes when a probe delivers or an operator resumes it."
                : $"Channel {pause.Channel} paused by an operator: {pause.Reason}.",
            new JsonObject
            {
                ["pausedBy"] = pause.By.ToString(),
                ["automatic"] = automatic,
                ["reason"] = pause.Reason,
                ["pausedAt"] = Time(pause.PausedAt),
                ["nextProbeAt"] = pause.ProbeAt is { } probe ? Time(probe) : null,
            });
    }

    private static Alert Resumed(string channel, string was) => new(
        AlertKind.ChannelPaused,
        "channel.resumed",
        AlertSeverity.Info,
        channel,
        $"Channel {channel} delivers again.",
        new JsonObject { ["pausedBy"] = was.Split('|')[0] },
        Resolved: true);

    private Alert PollingBehind(string channel, DateTimeOffset? last, TimeSpan lag) => new(
        AlertKind.OrderPollingBehind,
        "orders.polling_behind",
        AlertSeverity.Warning,
        channel,
        last is null
            ? $"Channel {channel}: no successful order poll yet, {Span(lag)} after the start (threshold {Span(options.OrderPollingLag)})."
            : $"Channel {channel}: the last successful order poll was {Span(lag)} ago (threshold {Span(options.OrderPollingLag)}).",
        new JsonObject
        {
            ["lastPolledAt"] = last is { } at ? Time(at) : null,
            ["lagSeconds"] = (long)lag.TotalSeconds,
            ["thresholdSeconds"] = (long)options.OrderPollingLag.TotalSeconds,
        });

    private Alert PollingResolved(string channel, DateTimeOffset last, TimeSpan lag) => new(
        AlertKind.OrderPollingBehind,
        "orders.polling_resolved",
        AlertSeverity.Info,
        channel,
        $"Channel {channel}: orders are polled again (last successful poll {Span(lag)} ago).",
        new JsonObject
        {
            ["lastPolledAt"] = Time(last),
            ["lagSeconds"] = (long)lag.TotalSeconds,
            ["thresholdSeconds"] = (long)options.OrderPollingLag.TotalSeconds,
        },
        Resolved: true);

    /// <summary>The run's alert when its drift is at or above both thresholds; null otherwise.</summary>
    private Alert? Drift(ReconciliationRun run, Dictionary<ReconciliationClass, long> counts)
    {
        long Count(ReconciliationClass c) => counts.GetValueOrDefault(c);
        var drifted = Count(ReconciliationClass.Drift) + Count(ReconciliationClass.MissingOnStore);
        var compared = drifted + Count(ReconciliationClass.Match) + Count(ReconciliationClass.UnknownToErp) + Count(ReconciliationClass.InFlight);
        var share = compared == 0 ? 0 : (double)drifted / compared;
        if (drifted < options.ReconciliationDriftCount || share < options.ReconciliationDriftShare)
        {
            return null;
        }

        var details = new JsonObject
        {
            ["runId"] = run.RunId,
            ["drifted"] = drifted,
            ["compared"] = compared,
            ["share"] = Math.Round(share, 4),
            ["thresholdCount"] = options.ReconciliationDriftCount,
            ["thresholdShare"] = options.ReconciliationDriftShare,
            ["finishedAt"] = run.FinishedAt is { } at ? Time(at) : null,
            ["heal"] = run.Heal,
            ["counts"] = new JsonObject(counts.OrderBy(c => c.Key).Select(c => KeyValuePair.Create(c.Key.ToString(), (JsonNode?)c.Value))),
        };
        return new Alert(
            AlertKind.ReconciliationDrift,
            "reconciliation.drift",
            AlertSeverity.Warning,
            run.Channel,
            string.Create(CultureInfo.InvariantCulture, $"Channel {run.Channel}: reconciliation run {run.RunId} found {drifted} of {compared} stock items drifted ({share:P1}){(run.Heal ? "; corrective messages were queued" : "")}."),
            details);
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan span) => span.ToString(span.TotalDays >= 1 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
