using System.Collections.Concurrent;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Maps;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Delivery;

/// <summary>
/// One round of a channel: claim a batch of due deliveries, fail those the process stopped under too often (and
/// deliver one it stopped under fewer times alone), read the others' canonical messages, plan the round, send its batches through the pipeline at once, and record every
/// outcome in one transaction. A store that refuses the channel's credentials pauses the channel: what is not sent yet
/// goes back to Pending.
/// </summary>
public sealed class DeliveryRound(
    IDeliveryStore store,
    ConnectorRegistry connectors,
    CanonicalReader reader,
    DeliveryPipeline pipeline,
    MapThreads mapThreads,
    DeliveryOptions options,
    TimeProvider time,
    ILogger<DeliveryRound> logger,
    BridgeOptions bridge)
{
    private readonly RoundPlanner planner = new(options.MaxItemsPerCall);

    /// <summary>This worker's name in claims and leases.</summary>
    public string Worker { get; } = options.WorkerId ?? $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Runs one round of up to BatchSize deliveries. Returns how many deliveries were claimed.</summary>
    public async Task<int> RunAsync(string channel, CancellationToken cancellationToken) =>
        (await RunAsync(channel, options.BatchSize, cancellationToken)).Claimed;

    /// <summary>Runs one round of up to <paramref name="max"/> deliveries (1 for a paused channel's probe).</summary>
    public async Task<RoundResult> RunAsync(string channel, int max, CancellationToken cancellationToken)
    {
        var claims = await store.ClaimAsync(channel, Worker, max, time.GetUtcNow(), options.LeaseDuration, cancellationToken);
        if (claims.Count == 0)
        {
            return new RoundResult(0, null);
        }

        try
        {
            return await DeliverAsync(channel, claims, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the claims go back uncounted, so that an ordinary restart is no stop under a delivery.
            await store.ReleaseClaimsAsync(channel, Worker, [.. claims.Select(c => c.DeliveryId)], time.GetUtcNow(), CancellationToken.None);
            throw;
        }
    }

    private async Task<RoundResult> DeliverAsync(string channel, IReadOnlyList<ClaimedDelivery> claims, CancellationToken cancellationToken)
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
        await Parallel.ForEachAsync(
            plan.Batches,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrencyPerChannel, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                if (paused.Reason is { } reason)
                {
                    // The store refused the credentials for another batch: this one would be refused too.
                    foreach (var delivery in batch.Deliveries)
                    {
                        results.Enqueue(pipeline.NotSent(delivery.Claim, reason));
                    }

                    return;
                }

                foreach (var result in await pipeline.DeliverAsync(target, batch, ct))
                {
                    if (result.PausesChannel is { } why)
                    {
                        paused.Set(why);
                    }

                    results.Enqueue(result);
                }
            });

        if (paused.Reason is { } pauseReason)
        {
            await PauseAsync(channel, pauseReason);
        }

        var recorded = await store.CompleteAsync(channel, Worker, [.. results], time.GetUtcNow(), CancellationToken.None);
        if (recorded < results.Count)
        {
            logger.LogWarning("Channel {Channel}: {Lost} outcomes were not recorded because their claims had expired and were taken over", channel, results.Count - recorded);
        }

        return new RoundResult(claims.Count, paused.Reason);
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
    private sealed class PauseSignal
    {
        private string? reason;

        public string? Reason => Volatile.Read(ref reason);

        public void Set(string value) => Interlocked.CompareExchange(ref reason, value, null);
    }
}
