using System.Collections.Concurrent;
using ErpBridge.Connectors;
using ErpBridge.Core.Alerts;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Metrics;
using ErpBridge.Core.Routing;
using ErpBridge.Core.Status;
using ErpBridge.Mapping.Maps;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Delivery;

/// <summary>
/// One round of a channel: claim a batch of due deliveries, fail those the process stopped under too often (and
/// deliver one it stopped under fewer times alone), read the others' canonical messages, plan the round, send its batches through the pipeline at once, and record every
/// outcome in one transaction. A store that refuses the channel's credentials pauses the channel: what is not sent yet
/// goes back to Pending. Dead letters are reported to the alert sink, when alerts are configured.
/// </summary>
public sealed class DeliveryRound(
    IDeliveryStore store,
    IPriceDraftStore priceDrafts,
    ConnectorRegistry connectors,
    CanonicalReader reader,
    DeliveryPipeline pipeline,
    MapThreads mapThreads,
    DeliveryOptions options,
    TimeProvider time,
    ILogger<DeliveryRound> logger,
    BridgeOptions bridge,
    IAlertSink? alerts = null,
    BridgeMetrics? metrics = null)
{
    private readonly RoundPlanner planner = new(options.MaxItemsPerCall);

    /// <summary>This worker's name in claims and leases.</summary>
    public string Worker { get; } = options.WorkerId ?? $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Runs one round of up to BatchSize deliveries. Returns how many deliveries were claimed.</summary>
    public async Task<int> RunAsync(string channel, CancellationToken cancellationToken) =>
        (await RunAsync(channel, options.BatchSize, cancellationToken)).Claimed;

    /// <summary>Runs one round of up to <paramref name="max"/> deliveries (1 for a paused channel's probe).</summary>
    public Task<RoundResult> RunAsync(string channel, int max, CancellationToken cancellationToken) =>
        RunAsync(channel, max, CancellationToken.None, cancellationToken);

    /// <summary>
    /// Runs one round of up to <paramref name="max"/> deliveries under a channel lease: when <paramref name="leaseLost"/>
    /// ends, the round sends nothing more (what is on its way is cancelled), records the outcomes it has and gives the
    /// other claims back for the node that holds the channel now.
    /// </summary>
    public async Task<RoundResult> RunAsync(string channel, int max, CancellationToken leaseLost, CancellationToken cancellationToken)
    {
        if (leaseLost.IsCancellationRequested)
        {
            return new RoundResult(0, null, LeaseLost: true);
        }

        var claims = await store.ClaimAsync(channel, Worker, max, time.GetUtcNow(), options.LeaseDuration, cancellationToken);
        if (claims.Count == 0)
        {
            return new RoundResult(0, null);
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(leaseLost, cancellationToken);
        try
        {
            return await DeliverAsync(channel, claims, leaseLost, run.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the claims go back uncounted, so that an ordinary restart is no stop under a delivery.
            await store.ReleaseClaimsAsync(channel, Worker, [.. claims.Select(c => c.DeliveryId)], time.GetUtcNow(), CancellationToken.None);
            throw;
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            // The lease was lost before anything was sent: every claim goes back.
            await GiveBackAsync(channel, claims.Select(c => c.DeliveryId).ToList(), 0);
            return new RoundResult(claims.Count, null, LeaseLost: true);
        }
    }

    private async Task<RoundResult> DeliverAsync(string channel, IReadOnlyList<ClaimedDelivery> claims, CancellationToken leaseLost, CancellationToken cancellationToken)
    {
        var target = new DeliveryTarget(channel, connectors.PlatformOf(channel), connectors.For(channel), connectors.MapParametersOf(channel));
        var results = new ConcurrentQueue<DeliveryResult>(); // not a ConcurrentBag: that allocates a finalizable ThreadLocal per round
        var live = new List<ClaimedDelivery>(claims.Count);
        foreach (var claim in claims)
        {
            // The process died under this delivery each time it was claimed: most likely the message itself kills
            // it (a map that overflows the stack cannot be caught), so it fails instead of crashing the bridge again.
            if (claim.UnfinishedClaims >= options.MaxClaimsWithoutOutcome)
            {
                results.Enqueue(pipeline.DeadLetter(claim, $"the bridge stopped {claim.UnfinishedClaims} times while delivering this message"));
            }
            else
            {
                live.Add(claim);
            }
        }

        live = await IsolateSuspectAsync(channel, live, cancellationToken);
        var read = await ReadAsync(channel, live, results, cancellationToken);
        foreach (var settled in ItemScope.Apply(read, await store.GetResentItemsAsync(channel, cancellationToken), target.Connector.DeclinedLocation))
        {
            results.Enqueue(settled);
        }

        var versions = await store.GetItemVersionsAsync(channel, RoundPlanner.ItemKeys(read), cancellationToken);
        foreach (var settled in PriceScope.Apply(read, channel, bridge.Prices, versions, time.GetUtcNow()))
        {
            results.Enqueue(settled);
        }

        var plan = planner.Plan(channel, read, versions);
        foreach (var superseded in plan.Superseded)
        {
            results.Enqueue(superseded);
        }

        var paused = new PauseSignal();
        var unsent = new ConcurrentQueue<long>();

        // Products before prices, the drafts they make saved in between: a price that comes in the same round as the
        // draft of its product publishes it (see PriceDraftLedger).
        var (products, prices) = PriceDraftLedger.Phases(plan.Batches);
        await SendAsync(products, target);
        await SaveDraftsAsync(channel, target.Drafts);
        if (prices.Count > 0)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                // Not cancellable: once products went out, a lost lease must still record their outcomes (see below).
                target.Drafts.Drafted = await priceDrafts.FindAsync(channel, PriceDraftLedger.PriceSkus(prices.SelectMany(b => b.Deliveries)), CancellationToken.None);
            }

            await SendAsync(prices, target);
            await SaveDraftsAsync(channel, target.Drafts);
        }

        if (cancellationToken.IsCancellationRequested && !leaseLost.IsCancellationRequested)
        {
            // A shutdown gives every claim of the round back uncounted, outcomes or not (see RunAsync).
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (paused.Reason is { } pauseReason)
        {
            await PauseAsync(channel, pauseReason);
        }

        var recorded = await store.CompleteAsync(channel, Worker, [.. results], time.GetUtcNow(), CancellationToken.None);
        Count(target, results);
        if (recorded < results.Count)
        {
            logger.LogWarning("Channel {Channel}: {Lost} outcomes were not recorded because their claims had expired and were taken over", channel, results.Count - recorded);
        }

        alerts?.DeadLettered(channel, [.. results.Where(r => r.Status == DeliveryStatus.Failed || r.Items?.Any(i => i.State == ItemState.Failed) == true).Select(r => r.MessageId)]);

        if (leaseLost.IsCancellationRequested)
        {
            await GiveBackAsync(channel, [.. unsent], recorded);
            return new RoundResult(claims.Count, paused.Reason, LeaseLost: true);
        }

        return new RoundResult(claims.Count, paused.Reason);

        // Sends batches at once, up to MaxConcurrencyPerChannel, collecting their outcomes.
        Task SendAsync(IReadOnlyList<DeliveryBatch> batches, DeliveryTarget to) =>
            Parallel.ForEachAsync(
                batches,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrencyPerChannel },
                async (batch, _) =>
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        // The lease is lost (or the node shuts down): nothing more goes out.
                        foreach (var delivery in batch.Deliveries)
                        {
                            unsent.Enqueue(delivery.Claim.DeliveryId);
                        }

                        return;
                    }

                    if (paused.Reason is { } reason)
                    {
                        // The store refused the credentials for another batch: this one would be refused too.
                        foreach (var delivery in batch.Deliveries)
                        {
                            results.Enqueue(pipeline.NotSent(delivery.Claim, reason));
                        }

                        return;
                    }

                    IReadOnlyList<DeliveryResult> outcomes;
                    try
                    {
                        outcomes = await pipeline.DeliverAsync(to, batch, cancellationToken);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        // Cut short on its way: whether the store took it is unknown, so it is given back, not recorded.
                        foreach (var delivery in batch.Deliveries)
                        {
                            unsent.Enqueue(delivery.Claim.DeliveryId);
                        }

                        return;
                    }

                    foreach (var result in outcomes)
                    {
                        if (result.PausesChannel is { } why)
                        {
                            paused.Set(why);
                        }

                        results.Enqueue(result);
                    }
                });
    }

    /// <summary>
    /// The claims of a round whose lease was lost and that were not sent (or whose send was cut short) go back
    /// uncounted, due at once, for the node that holds the channel now; a claim already taken over is left alone.
    /// </summary>
    private async Task GiveBackAsync(string channel, List<long> unsent, int recorded)
    {
        var released = await store.ReleaseClaimsAsync(channel, Worker, unsent, time.GetUtcNow(), CancellationToken.None);
        logger.LogWarning(
            "Channel {Channel}: stopped sending, the lease is lost; {Recorded} outcomes recorded, {Unsent} deliveries not sent given back ({Released} still held by this worker)",
            channel,
            recorded,
            unsent.Count,
            released);
    }

    /// <summary>
    /// A claim the process stopped under before goes alone, the others of the round given back uncounted: when the
    /// process dies again, only the delivery that killed it counts one more stop, not the innocent messages claimed
    /// with it. The others are claimed again at once, in the next round.
    /// </summary>
    private async Task<List<ClaimedDelivery>> IsolateSuspectAsync(string channel, List<ClaimedDelivery> live, CancellationToken cancellationToken)
    {
        if (live.Count < 2 || live.FirstOrDefault(c => c.UnfinishedClaims > 0) is not { } suspect)
        {
            return live;
        }

        var others = live.Where(c => c.DeliveryId != suspect.DeliveryId).Select(c => c.DeliveryId).ToList();
        await store.ReleaseClaimsAsync(channel, Worker, others, time.GetUtcNow(), cancellationToken);
        logger.LogInformation(
            "Channel {Channel}: the bridge stopped {Stops} time(s) while delivering {MessageId}; delivering it on its own",
            channel,
            suspect.UnfinishedClaims,
            suspect.MessageId);
        return [suspect];
    }

    /// <summary>
    /// Reads the claims' canonical messages. A canonical message is only parsed (its size is bounded at the door), in
    /// turn on this thread; a raw document goes through its inbound map, each on the channel's map threads under its
    /// own budget. One that fails or takes too long is failed alone. Keeps the claims' order.
    /// </summary>
    private async Task<List<PlannedDelivery>> ReadAsync(string channel, List<ClaimedDelivery> claims, ConcurrentQueue<DeliveryResult> results, CancellationToken cancellationToken)
    {
        var read = new PlannedDelivery?[claims.Count];
        var mapped = new List<int>();
        for (var index = 0; index < claims.Count; index++)
        {
            var claim = claims[index];
            if (CanonicalReader.NeedsMap(claim))
            {
                mapped.Add(index);
                continue;
            }

            try
            {
                read[index] = new PlannedDelivery(claim, reader.Read(claim, cancellationToken));
            }
            catch (MappingFailedException ex)
            {
                results.Enqueue(pipeline.DeadLetter(claim, $"inbound mapping failed: {ex.Message}"));
            }
        }

        await Parallel.ForEachAsync(
            mapped,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrencyPerChannel, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var claim = claims[index];
                using var limit = new MessageBudget(pipeline.Budget, ct);
                try
                {
                    read[index] = new PlannedDelivery(claim, await mapThreads.RunAsync(channel, limit, token => reader.Read(claim, token)));
                }
                catch (OperationCanceledException) when (limit.Exceeded)
                {
                    results.Enqueue(pipeline.DeadLetter(claim, pipeline.OverBudget("mapping the raw document to its canonical message")));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    results.Enqueue(pipeline.DeadLetter(claim, $"inbound mapping failed: {DeliveryPipeline.MapFailure(ex)}"));
                }
            });
        return read.OfType<PlannedDelivery>().ToList();
    }

    /// <summary>
    /// Saves what the outcomes sent so far changed about the channel's products drafted for lack of a price. Every
    /// product delivered clears its SKU, and almost none is a draft: those are read first (a read, not a write in the
    /// writer's queue), and a round that changes nothing writes nothing.
    /// </summary>
    private async Task SaveDraftsAsync(string channel, PriceDraftLedger drafts)
    {
        var (drafted, cleared) = drafts.TakeChanges();
        if (cleared.Count > 0)
        {
            cleared = [.. await priceDrafts.FindAsync(channel, cleared, CancellationToken.None)];
        }

        await priceDrafts.UpdateAsync(channel, drafted, cleared, time.GetUtcNow(), CancellationToken.None);
    }

    private async Task PauseAsync(string channel, string reason)
    {
        var now = time.GetUtcNow();
        await store.PauseChannelAsync(new ChannelPause(channel, PauseKind.Credentials, reason, now, now + options.PausedProbeInterval), CancellationToken.None);
        logger.LogWarning(
            "Channel {Channel} paused: {Reason}. Its messages stay pending without spending attempts; one delivery is tried every {ProbeInterval} and the channel resumes when it goes through (or by 'channels resume')",
            channel,
            reason,
            options.PausedProbeInterval);
    }

    /// <summary>The first reason to pause seen by any batch of the round.</summary>
    /// <summary>The round's outcomes as metrics, one add per status (outcomes a lost claim kept from the store included).</summary>
    private void Count(DeliveryTarget target, IEnumerable<DeliveryResult> results)
    {
        if (metrics is null)
        {
            return;
        }

        foreach (var group in results.GroupBy(r => r.Status))
        {
            metrics.Delivered(target.Channel, target.Platform, group.Key, group.Count());
        }
    }

    private sealed class PauseSignal
    {
        private string? reason;

        public string? Reason => Volatile.Read(ref reason);

        public void Set(string value) => Interlocked.CompareExchange(ref reason, value, null);
    }
}
