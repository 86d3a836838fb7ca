using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Delivery;

/// <summary>
/// Delivers one channel's due work in rounds: claim a batch, map each message to a plan, run the plans through the
/// channel's connector, record every outcome in one transaction.
/// <para>
/// Ordering: one worker delivers a channel at a time (the channel lease). Before mapping, items that a newer message
/// has already delivered, or delivers in the same round, are removed (no stale overwrite, and no two plans of a round
/// touch the same item, so they all run at once); a message with nothing left is Superseded.
/// </para>
/// </summary>
public sealed class ChannelDeliveryRunner(
    IDeliveryStore store,
    IMessageMaps maps,
    ConnectorRegistry connectors,
    DeliveryOptions options,
    TimeProvider time,
    ILogger<ChannelDeliveryRunner> logger)
{
    private const string DocumentsNs = "urn:erpbridge:documents:v1";

    private readonly BackoffPolicy backoff = new(options);

    public string Worker { get; } = options.WorkerId ?? $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Runs rounds until no work is due or the run time is used up. Returns the deliveries handled.</summary>
    public async Task<int> RunAsync(string channel, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!await store.TryLeaseChannelAsync(channel, Worker, time.GetUtcNow(), options.LeaseDuration, cancellationToken).ConfigureAwait(false))
        {
            logger.LogDebug("Channel {Channel} is leased by another worker", channel);
            return 0;
        }

        var handled = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested && clock.Elapsed < options.MaxRunTime)
            {
                var claimed = await RoundAsync(channel, cancellationToken).ConfigureAwait(false);
                handled += claimed;
                if (claimed < options.BatchSize)
                {
                    break;
                }

                // Renew the lease between rounds; losing it (a long pause) ends this run.
                if (!await store.TryLeaseChannelAsync(channel, Worker, time.GetUtcNow(), options.LeaseDuration, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        finally
        {
            await store.ReleaseChannelAsync(channel, Worker, CancellationToken.None).ConfigureAwait(false);
        }

        return handled;
    }

    /// <summary>One round: claim, deliver, record. Returns how many deliveries were claimed.</summary>
    public async Task<int> RoundAsync(string channel, CancellationToken cancellationToken)
    {
        var claims = await store.ClaimAsync(channel, Worker, options.BatchSize, time.GetUtcNow(), options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (claims.Count == 0)
        {
            return 0;
        }

        var platform = connectors.PlatformOf(channel);
        var connector = connectors.For(channel);
        var results = new ConcurrentQueue<DeliveryResult>(); // not a ConcurrentBag: that allocates a finalizable ThreadLocal per round
        var work = new List<Work>(claims.Count);
        foreach (var claim in claims)
        {
            try
            {
                work.Add(new Work(claim, Canonical(claim)));
            }
            catch (MappingFailedException ex)
            {
                results.Enqueue(Failed(claim, $"inbound mapping failed: {ex.Message}"));
            }
        }

        var keys = work.SelectMany(w => w.Message.Keys).Distinct(StringComparer.Ordinal).ToList();
        var versions = new ConcurrentDictionary<string, ItemVersion>(
            await store.GetItemVersionsAsync(channel, keys, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);

        Coalesce(work);
        var live = new List<Work>(work.Count);
        foreach (var item in work)
        {
            if (Prune(item, versions) is { } superseded)
            {
                results.Enqueue(superseded);
            }
            else
            {
                live.Add(item);
            }
        }

        await Parallel.ForEachAsync(
            Batches(live, channel),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrencyPerChannel, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                foreach (var result in await DeliverBatchAsync(channel, platform, connector, batch, versions, ct).ConfigureAwait(false))
                {
                    results.Enqueue(result);
                }
            }).ConfigureAwait(false);

        var recorded = await store.CompleteAsync(channel, Worker, [.. results], time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        if (recorded < results.Count)
        {
            logger.LogWarning("Channel {Channel}: {Lost} outcomes were not recorded because their claims had expired and were taken over", channel, results.Count - recorded);
        }

        return claims.Count;
    }

    /// <summary>
    /// Leaves out the items a newer message already delivered (stored versions) or sends in this round. Returns the
    /// Superseded result when nothing is left, else null.
    /// </summary>
    private static DeliveryResult? Prune(Work work, ConcurrentDictionary<string, ItemVersion> versions)
    {
        var claim = work.Claim;
        var supersededBy = new Dictionary<string, string>(work.CoveredBy, StringComparer.Ordinal);
        foreach (var key in work.Message.Keys)
        {
            if (versions.TryGetValue(key, out var known) && known.MessageId != claim.MessageId && known.IsNewerThan(claim.Version))
            {
                supersededBy[key] = known.MessageId;
            }
        }

        work.Superseded = supersededBy.Count;
        if (supersededBy.Count > 0 && work.Message.Remove(supersededBy.Keys.ToHashSet(StringComparer.Ordinal)) == 0)
        {
            var by = string.Join(", ", supersededBy.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(5));
            return Result(claim, DeliveryStatus.Superseded, claim.Attempts, null, null, $"every item was superseded by a newer message ({by})", []);
        }

        return null;
    }

    /// <summary>
    /// Stock messages of a round go out together, up to <see cref="DeliveryOptions.MaxItemsPerCall"/> items: one
    /// platform call (the maps split at each API's own limit) instead of one per message. Shipment messages that name
    /// the same order of this channel go one after the other, so that a connector's "does this ShipmentId exist yet"
    /// check sees what the one before created. Other messages go alone.
    /// </summary>
    private List<List<Work>> Batches(List<Work> live, string channel)
    {
        var batches = new List<List<Work>>();
        var shipmentGroups = new List<(List<Work> Works, HashSet<string> Orders)>();
        List<Work>? open = null;
        var items = 0;
        foreach (var work in live)
        {
            var count = work.Message.Keys.Count;
            if (work.Message.Type == MessageType.Shipments)
            {
                AddToShipmentGroup(shipmentGroups, work, work.Message.OrderNumbers(channel));
                continue;
            }

            if (work.Message.Type != MessageType.Inventory || options.MaxItemsPerCall <= 1)
            {
                batches.Add([work]);
                continue;
            }

            if (open is null || items + count > options.MaxItemsPerCall)
            {
                open = [];
                batches.Add(open);
                items = 0;
            }

            open.Add(work);
            items += count;
        }

        batches.AddRange(shipmentGroups.Select(g => g.Works));
        return batches;
    }

    /// <summary>Joins the group(s) sharing an order with this shipment message; groups it links become one.</summary>
    private static void AddToShipmentGroup(List<(List<Work> Works, HashSet<string> Orders)> groups, Work work, IReadOnlyCollection<string> orders)
    {
        var matching = groups.Where(g => g.Orders.Overlaps(orders)).ToList();
        if (matching.Count == 0)
        {
            groups.Add(([work], new HashSet<string>(orders, StringComparer.Ordinal)));
            return;
        }

        var into = matching[0];
        foreach (var other in matching.Skip(1))
        {
            into.Works.AddRange(other.Works);
            into.Orders.UnionWith(other.Orders);
            groups.Remove(other);
        }

        into.Works.Add(work);
        into.Orders.UnionWith(orders);
    }

    private async Task<IReadOnlyList<DeliveryResult>> DeliverBatchAsync(
        string channel, string platform, IChannelConnector connector, List<Work> batch, ConcurrentDictionary<string, ItemVersion> versions, CancellationToken cancellationToken)
    {
        if (batch.Count == 1)
        {
            return [await DeliverOneAsync(channel, platform, connector, batch[0], versions, cancellationToken).ConfigureAwait(false)];
        }

        if (batch[0].Message.Type == MessageType.Shipments)
        {
            // Shipments of the same orders: one after the other, in the order they were accepted.
            var inTurn = new List<DeliveryResult>(batch.Count);
            foreach (var work in batch.OrderBy(w => w.Claim.DeliveryId))
            {
                inTurn.Add(await DeliverOneAsync(channel, platform, connector, work, versions, cancellationToken).ConfigureAwait(false));
            }

            return inTurn;
        }

        var first = batch[0].Message;
        var merged = new XDocument(first.Document);
        var items = merged.Root!.Elements().Single(e => e.Name.LocalName == "Items");
        foreach (var work in batch.Skip(1))
        {
            items.Add(work.Message.Document.Root!.Elements().Single(e => e.Name.LocalName == "Items").Elements());
        }

        var batchId = $"batch-{batch[0].Claim.DeliveryId}-{batch.Count}";
        var keys = batch.SelectMany(w => w.Message.Keys).ToList();
        DeliveryOutcome outcome;
        try
        {
            var plan = PlanFor(channel, platform, first.Type, merged, batchId, IdempotencyKey(string.Join(',', batch.Select(w => w.Claim.MessageId)), channel, keys));
            outcome = await ExecuteAsync(channel, connector, plan, batchId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MappingFailedException or PlanFormatException)
        {
            outcome = new DeliveryOutcome.PermanentFailure(ex.Message);
        }

        if (outcome is DeliveryOutcome.PermanentFailure refused)
        {
            // One bad message must not fail the others: each goes again on its own, and only the bad one fails.
            logger.LogInformation("Channel {Channel}: a batch of {Count} stock messages was refused ({Reason}); delivering them one by one", channel, batch.Count, refused.Reason);
            var alone = new List<DeliveryResult>(batch.Count);
            foreach (var work in batch)
            {
                alone.Add(await DeliverOneAsync(channel, platform, connector, work, versions, cancellationToken).ConfigureAwait(false));
            }

            return alone;
        }

        return batch.Select(work => ResultFor(work, outcome, versions, $" (in a batch of {batch.Count} messages)")).ToList();
    }

    private async Task<DeliveryResult> DeliverOneAsync(
        string channel, string platform, IChannelConnector connector, Work work, ConcurrentDictionary<string, ItemVersion> versions, CancellationToken cancellationToken)
    {
        var claim = work.Claim;
        RequestPlan plan;
        try
        {
            plan = PlanFor(channel, platform, work.Message.Type, work.Message.Document, claim.MessageId, IdempotencyKey(claim.MessageId, channel, work.Message.Keys));
        }
        catch (Exception ex) when (ex is MappingFailedException or PlanFormatException)
        {
            return Failed(claim, $"outbound mapping failed: {ex.Message}");
        }

        var outcome = await ExecuteAsync(channel, connector, plan, claim.MessageId, cancellationToken).ConfigureAwait(false);
        return ResultFor(work, outcome, versions, "");
    }

    private RequestPlan PlanFor(string channel, string platform, MessageType type, XDocument canonical, string messageId, string idempotencyKey)
    {
        return RequestPlan.Parse(maps.ToPlan(platform, type, canonical, MapParameters.Outbound(messageId, channel, idempotencyKey, connectors.OptionsOf(channel))));
    }

    private async Task<DeliveryOutcome> ExecuteAsync(string channel, IChannelConnector connector, RequestPlan plan, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await connector.ExecuteAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A connector bug, not platform behaviour: retried like a transient failure, and logged in full.
            logger.LogError(ex, "Channel {Channel}: connector failed on {What}", channel, what);
            return new DeliveryOutcome.TransientFailure($"connector error: {ex.GetType().Name}");
        }
    }

    private DeliveryResult ResultFor(Work work, DeliveryOutcome outcome, ConcurrentDictionary<string, ItemVersion> versions, string note)
    {
        var claim = work.Claim;
        var version = claim.Version;
        var remaining = work.Message.Keys;
        var attempts = claim.Attempts + 1;
        var skipped = work.Superseded > 0 ? $"; {work.Superseded} superseded item(s) left out" : "";
        switch (outcome)
        {
            case DeliveryOutcome.Delivered delivered:
                var ids = delivered.PlatformIds.Count == 0 ? "" : "; ids " + string.Join(", ", delivered.PlatformIds.Take(20).Select(p => $"{p.Key}={p.Value}"));
                foreach (var key in remaining)
                {
                    versions.AddOrUpdate(key, version, (_, known) => version.IsNewerThan(known) ? version : known);
                }

                return Result(claim, DeliveryStatus.Delivered, attempts, null, null, $"delivered{note}{ids}{skipped}", remaining);
            case DeliveryOutcome.PermanentFailure permanent:
                return Failed(claim, permanent.Reason);
            case DeliveryOutcome.TransientFailure transient when attempts >= options.MaxAttempts:
                var reason = $"gave up after {attempts} attempts: {transient.Reason}";
                logger.LogWarning("Channel {Channel}: {MessageId} dead-lettered: {Reason}", claim.Channel, claim.MessageId, reason);
                return Result(claim, DeliveryStatus.Failed, attempts, null, reason, reason, []);
            case DeliveryOutcome.TransientFailure transient:
                var next = time.GetUtcNow() + backoff.Delay(attempts, transient.RetryAfter);
                return Result(claim, DeliveryStatus.RetryScheduled, attempts, next, transient.Reason, $"retry at {next:O}{note}: {transient.Reason}", []);
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>The canonical message of a delivery; raw documents go through their inbound map first.</summary>
    private CanonicalMessage Canonical(ClaimedDelivery claim)
    {
        XDocument payload;
        try
        {
            payload = XDocument.Parse(claim.Payload);
        }
        catch (System.Xml.XmlException ex)
        {
            throw new MappingFailedException($"the stored payload does not parse ({ex.Message})", ex);
        }

        if (claim.Type != MessageType.Document)
        {
            return CanonicalMessage.Parse(claim.Type, payload);
        }

        XNamespace ns = DocumentsNs;
        var document = payload.Root?.Element(ns + "Payload")?.Elements().FirstOrDefault()
            ?? throw new MappingFailedException("the document has no payload element");
        var canonical = maps.ToCanonical(
            claim.DocumentType ?? "",
            document,
            MapParameters.Inbound(claim.MessageId, claim.SentAt, payload.Root!.Element(ns + "SourceSystem")?.Value ?? ""));
        var type = CanonicalMessage.TypeOf(canonical)
            ?? throw new MappingFailedException($"the inbound map for {claim.DocumentType} produced {canonical.Root?.Name}, not a canonical message");
        return CanonicalMessage.Parse(type, canonical);
    }

    /// <summary>
    /// Gives each item key of the round to the newest delivery that carries it: older deliveries lose those items
    /// (a newer state of them goes out in the same round), so the remaining deliveries share no key and can all run at once.
    /// </summary>
    private static void Coalesce(List<Work> work)
    {
        var newest = new Dictionary<string, Work>(StringComparer.Ordinal);
        foreach (var item in work.OrderByDescending(w => w.Claim.Version).ThenByDescending(w => w.Claim.DeliveryId))
        {
            foreach (var key in item.Message.Keys)
            {
                if (!newest.TryAdd(key, item))
                {
                    item.CoveredBy[key] = newest[key].Claim.MessageId;
                }
            }
        }
    }

    /// <summary>The same message, channel and items give the same key, so a platform that honours idempotency keys applies a resend once.</summary>
    public static string IdempotencyKey(string messageId, string channel, IEnumerable<string> keys)
    {
        var text = $"{messageId}\n{channel}\n{string.Join('\n', keys.Order(StringComparer.Ordinal))}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    private DeliveryResult Failed(ClaimedDelivery claim, string reason)
    {
        logger.LogWarning("Channel {Channel}: {MessageId} failed: {Reason}", claim.Channel, claim.MessageId, reason);
        return Result(claim, DeliveryStatus.Failed, claim.Attempts + 1, null, reason, $"failed: {reason}", []);
    }

    private static DeliveryResult Result(ClaimedDelivery claim, DeliveryStatus status, int attempts, DateTimeOffset? next, string? error, string detail, IReadOnlyList<string> delivered) =>
        new(claim.DeliveryId, claim.MessageId, status, attempts, next, error, detail, claim.Version, delivered);

    private sealed record Work(ClaimedDelivery Claim, CanonicalMessage Message)
    {
        /// <summary>Item key → the newer message of the same round that carries it.</summary>
        public Dictionary<string, string> CoveredBy { get; } = new(StringComparer.Ordinal);

        /// <summary>How many of the message's items were left out as superseded.</summary>
        public int Superseded { get; set; }
    }
}
