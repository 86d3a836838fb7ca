using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Delivery;

/// <summary>
/// How a planned delivery goes out: map the canonical message to a request plan, send the plan through the channel's
/// connector, decide what the outcome means for the delivery (<see cref="DeliverAsync(DeliveryTarget, PlannedDelivery, CancellationToken)"/> reads in that order).
/// </summary>
/// <remarks>
/// Each message's map and send run under its time budget (<see cref="MessageBudget"/>), the map on the channel's own
/// map threads (<see cref="MapThreads"/>): a message that exceeds it, or whose map throws, fails alone.
/// </remarks>
public sealed class DeliveryPipeline(IMessageMaps maps, BackoffPolicy backoff, TimeProvider time, ILogger<DeliveryPipeline> logger, MapThreads mapThreads, TimeSpan budget)
{
    /// <summary>The time one message's map and send may take.</summary>
    public TimeSpan Budget => budget;

    /// <summary>Map, send, decide, for one delivery.</summary>
    public async Task<DeliveryResult> DeliverAsync(DeliveryTarget target, PlannedDelivery delivery, CancellationToken cancellationToken)
    {
        var claim = delivery.Claim;
        using var limit = new MessageBudget(budget, cancellationToken);
        RequestPlan plan;
        try
        {
            var key = IdempotencyKey(claim.MessageId, target.Channel, delivery.Message.Keys);
            plan = await mapThreads.RunAsync(target.Channel, limit, token => Map(target, delivery.Message.Type, delivery.Message.Document, claim.MessageId, key, token));
        }
        catch (OperationCanceledException) when (limit.Exceeded)
        {
            target.Drafts.Settle(delivery.Message, RequestPlan.Empty, null);
            return DeadLetter(claim, OverBudget("mapping"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            target.Drafts.Settle(delivery.Message, RequestPlan.Empty, null);
            return DeadLetter(claim, $"outbound mapping failed: {MapFailure(ex)}");
        }

        // The bridge decides its own conditions (a product drafted for lack of a price) before the connector sees the plan.
        var outcome = await SendAsync(target, target.Drafts.Decide(plan), claim.MessageId, limit);
        target.Drafts.Settle(delivery.Message, plan, outcome);
        return outcome is null ? DeadLetter(claim, OverBudget("sending")) : Decide(delivery, outcome, "");
    }

    /// <summary>The reason of a message that used up its budget while <paramref name="doing"/>.</summary>
    public string OverBudget(string doing) =>
        $"took longer than its time budget of {budget.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s while {doing} (ErpBridge:Delivery:MessageBudget)";

    /// <summary>What a map's exception says: its own message for the expected failures, its type too for anything else.</summary>
    public static string MapFailure(Exception exception) =>
        exception is MappingFailedException or PlanFormatException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";

    /// <summary>A batch as the round planner made it: alone, stock together in one plan, or shipments in turn.</summary>
    public async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(DeliveryTarget target, DeliveryBatch batch, CancellationToken cancellationToken)
    {
        switch (batch.Kind)
        {
            case DeliveryBatchKind.Together:
                return await DeliverTogetherAsync(target, batch.Deliveries, cancellationToken);
            case DeliveryBatchKind.InTurn:
                return await DeliverInTurnAsync(target, batch.Deliveries, cancellationToken);
            default:
                return [await DeliverAsync(target, batch.Deliveries[0], cancellationToken)];
        }
    }

    /// <summary>What an outcome means for the delivery: delivered, retry scheduled, or dead-lettered (Failed).</summary>
    /// <param name="note">Appended to the detail of a delivered or rescheduled delivery (e.g. that it went in a batch).</param>
    public DeliveryResult Decide(PlannedDelivery delivery, DeliveryOutcome outcome, string note)
    {
        var claim = delivery.Claim;
        var attempts = claim.Attempts + 1;
        var from = claim.RetryFrom is { } retryFrom && delivery.DueFrom is { } dueFrom && dueFrom > retryFrom ? dueFrom : claim.RetryFrom;
        var age = from is { } since ? time.GetUtcNow() - since : TimeSpan.Zero;
        switch (outcome)
        {
            case DeliveryOutcome.PermanentFailure { CredentialsRefused: true } refused:
                return Paused(claim, refused.Reason);
            case DeliveryOutcome.Delivered delivered:
                return StillWaiting(delivery, Delivered(delivery, delivered, attempts, note));
            case DeliveryOutcome.TransientFailure transient when backoff.Decide(attempts, age, transient) is RetryDecision.Retry retry:
                var next = time.GetUtcNow() + retry.Delay;
                return Result(claim, DeliveryStatus.RetryScheduled, attempts, next, transient.Reason, $"retry at {next:O}{note}: {transient.Reason}", []);
            case DeliveryOutcome.TransientFailure transient:
                var reason = backoff.Decide(attempts, age, transient) is RetryDecision.GiveUp giveUp ? giveUp.Reason : $"gave up after {attempts} attempts: {transient.Reason}";
                logger.LogWarning("Channel {Channel}: {MessageId} dead-lettered: {Reason}", claim.Channel, claim.MessageId, reason);
                return Result(claim, DeliveryStatus.Failed, attempts, null, reason, reason, []);
            case DeliveryOutcome.PermanentFailure permanent:
                return DeadLetter(claim, permanent.Reason);
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>
    /// A delivered plan, item by item: the items the channel could not take failed alone (each a dead letter of its
    /// own) and the rest are on the platform. When every item of a message failed, nothing of it was delivered and the
    /// delivery fails as a whole, unless it was a resubmit of failed items (the rest of its message is delivered).
    /// </summary>
    private DeliveryResult Delivered(PlannedDelivery delivery, DeliveryOutcome.Delivered delivered, int attempts, string note)
    {
        var claim = delivery.Claim;
        var keys = delivery.Message.Keys;
        var ids = delivered.PlatformIds.Count == 0 ? "" : "; ids " + string.Join(", ", delivered.PlatformIds.Take(20).Select(p => $"{p.Key}={p.Value}"));
        var superseded = delivery.Superseded > 0 ? $"; {delivery.Superseded} superseded item(s) left out" : "";
        var failed = ItemFailures.Of(delivered.ItemFailures, keys);
        if (failed.Count == 0 && delivery.Skipped.Count == 0)
        {
            return Result(claim, DeliveryStatus.Delivered, attempts, null, null, $"delivered{note}{ids}{superseded}", keys);
        }

        IReadOnlyList<ItemOutcome> items = [.. delivery.Skipped, .. failed];
        var reasons = string.Join("; ", items.Take(5).Select(i => $"{i.Key} {i.State.ToString().ToLowerInvariant()}: {i.Reason}"));
        var failedKeys = failed.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        if (failed.Count > 0 && keys.All(failedKeys.Contains) && delivery.Resent is null)
        {
            var reason = $"every item failed: {string.Join("; ", failed.Take(5).Select(f => $"{f.Key}: {f.Reason}"))}";
            logger.LogWarning("Channel {Channel}: {MessageId} failed: {Reason}", claim.Channel, claim.MessageId, reason);
            return Result(claim, DeliveryStatus.Failed, attempts, null, reason, $"failed: {reason}", [], items);
        }

        if (failed.Count > 0)
        {
            logger.LogWarning("Channel {Channel}: {MessageId} delivered with {Count} item(s) failed: {Reasons}", claim.Channel, claim.MessageId, failed.Count, reasons);
        }

        var detail = $"delivered{note}{ids}{superseded}; {ItemOutcome.Summary(items)}: {reasons}";
        return Result(claim, DeliveryStatus.Delivered, attempts, null, null, detail, keys.Where(k => !failedKeys.Contains(k)).ToList(), items);
    }

    /// <summary>
    /// A price message whose due prices went out while others wait for a later day stays RetryScheduled until then,
    /// the attempt not counted; the prices sent are recorded as delivered (their item versions), so that the next
    /// attempt sends only the ones that waited (<see cref="PriceScope"/>).
    /// </summary>
    private static DeliveryResult StillWaiting(PlannedDelivery delivery, DeliveryResult result) =>
        delivery.WaitingUntil is { } until && result.Status == DeliveryStatus.Delivered
            ? result with
            {
                Status = DeliveryStatus.RetryScheduled,
                Attempts = delivery.Claim.Attempts,
                NextAttemptAt = until,
                Detail = $"{result.Detail}; {PriceScope.WaitingNote(delivery.Waiting, until)}",
                Items = null,
            }
            : result;

    /// <summary>
    /// The store refused the channel's credentials: the delivery goes back to Pending without spending the attempt
    /// (the claim counted one, given back here), and the result asks the round to pause the channel.
    /// </summary>
    public DeliveryResult Paused(ClaimedDelivery claim, string reason) =>
        Result(claim, DeliveryStatus.Pending, claim.Attempts, time.GetUtcNow(), reason, $"channel paused: {reason}", []) with { PausesChannel = reason };

    /// <summary>Back to Pending, not sent and no attempt spent, because the channel paused during the round.</summary>
    public DeliveryResult NotSent(ClaimedDelivery claim, string reason) =>
        Result(claim, DeliveryStatus.Pending, claim.Attempts, time.GetUtcNow(), reason, $"not sent, the channel paused: {reason}", []);

    /// <summary>Fails a delivery for good (Failed, for an operator to resubmit).</summary>
    public DeliveryResult DeadLetter(ClaimedDelivery claim, string reason)
    {
        logger.LogWarning("Channel {Channel}: {MessageId} failed: {Reason}", claim.Channel, claim.MessageId, reason);
        return Result(claim, DeliveryStatus.Failed, claim.Attempts + 1, null, reason, $"failed: {reason}", []);
    }

    /// <summary>The same message, channel and items give the same key, so a platform that honours idempotency keys applies a resend once.</summary>
    public static string IdempotencyKey(string messageId, string channel, IEnumerable<string> keys)
    {
        var text = $"{messageId}\n{channel}\n{string.Join('\n', keys.Order(StringComparer.Ordinal))}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    /// <summary>Shipments of the same orders: one after the other, in the order they were accepted.</summary>
    private async Task<IReadOnlyList<DeliveryResult>> DeliverInTurnAsync(DeliveryTarget target, IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken)
    {
        var results = new List<DeliveryResult>(deliveries.Count);
        foreach (var delivery in deliveries)
        {
            results.Add(await DeliverAsync(target, delivery, cancellationToken));
        }

        return results;
    }

    /// <summary>Stock messages merged into one plan; when the platform refuses it, each goes again on its own.</summary>
    private async Task<IReadOnlyList<DeliveryResult>> DeliverTogetherAsync(DeliveryTarget target, IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken)
    {
        var first = deliveries[0].Message;
        var merged = new XDocument(first.Document);
        var items = merged.Root!.Elements().Single(e => e.Name.LocalName == "Items");
        foreach (var delivery in deliveries.Skip(1))
        {
            items.Add(delivery.Message.Document.Root!.Elements().Single(e => e.Name.LocalName == "Items").Elements());
        }

        var batchId = $"batch-{deliveries[0].Claim.DeliveryId}-{deliveries.Count}";
        var keys = deliveries.SelectMany(d => d.Message.Keys).ToList();
        DeliveryOutcome? outcome;
        using (var limit = new MessageBudget(budget, cancellationToken))
        {
            try
            {
                var key = IdempotencyKey(string.Join(',', deliveries.Select(d => d.Claim.MessageId)), target.Channel, keys);
                var plan = await mapThreads.RunAsync(target.Channel, limit, token => Map(target, first.Type, merged, batchId, key, token));
                outcome = await SendAsync(target, plan, batchId, limit);
            }
            catch (OperationCanceledException) when (limit.Exceeded)
            {
                outcome = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcome = new DeliveryOutcome.PermanentFailure(MapFailure(ex));
            }
        }

        if (outcome is null)
        {
            // Each message gets a budget of its own, so that only one too slow on its own fails.
            logger.LogInformation("Channel {Channel}: a batch of {Count} stock messages {Reason}; delivering them one by one", target.Channel, deliveries.Count, OverBudget("mapping or sending"));
            return await DeliverInTurnAsync(target, deliveries, cancellationToken);
        }

        if (outcome is DeliveryOutcome.PermanentFailure { CredentialsRefused: false } refused)
        {
            // One bad message must not fail the others: each goes again on its own, and only the bad one fails.
            logger.LogInformation("Channel {Channel}: a batch of {Count} stock messages was refused ({Reason}); delivering them one by one", target.Channel, deliveries.Count, refused.Reason);
            return await DeliverInTurnAsync(target, deliveries, cancellationToken);
        }

        var note = $" (in a batch of {deliveries.Count} messages)";
        return deliveries.Select(delivery => Decide(delivery, outcome, note)).ToList();
    }

    private RequestPlan Map(DeliveryTarget target, MessageType type, XDocument canonical, string messageId, string idempotencyKey, CancellationToken cancellationToken) =>
        RequestPlan.Parse(maps.ToPlan(target.Platform, type, canonical, MapParameters.Outbound(messageId, target.Channel, idempotencyKey, target.MapParameters), cancellationToken));

    /// <summary>The connector's outcome, or null when the message's budget ran out first.</summary>
    private async Task<DeliveryOutcome?> SendAsync(DeliveryTarget target, RequestPlan plan, string what, MessageBudget limit)
    {
        try
        {
            var outcome = await target.Connector.ExecuteAsync(plan, limit.Token);
            return limit.Exceeded ? null : outcome;
        }
        catch (OperationCanceledException) when (limit.Exceeded)
        {
            return null;
        }
        catch (OperationCanceledException) when (limit.Token.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A connector bug, not platform behaviour: retried like a transient failure, and logged in full.
            logger.LogError(ex, "Channel {Channel}: connector failed on {What}", target.Channel, what);
            return new DeliveryOutcome.TransientFailure($"connector error: {ex.GetType().Name}");
        }
    }

    private static DeliveryResult Result(
        ClaimedDelivery claim, DeliveryStatus status, int attempts, DateTimeOffset? next, string? error, string detail, IReadOnlyList<string> delivered, IReadOnlyList<ItemOutcome>? items = null) =>
        new(claim.DeliveryId, claim.MessageId, status, attempts, next, error, detail, claim.Version, delivered, items);
}
