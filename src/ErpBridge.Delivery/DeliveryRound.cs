using System.Collections.Concurrent;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Maps;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Delivery;

/// <summary>
/// One round of a channel: claim a batch of due deliveries, read their canonical messages, plan the round, send its
/// batches through the pipeline at once, and record every outcome in one transaction.
/// </summary>
public sealed class DeliveryRound(
    IDeliveryStore store,
    ConnectorRegistry connectors,
    CanonicalReader reader,
    DeliveryPipeline pipeline,
    DeliveryOptions options,
    TimeProvider time,
    ILogger<DeliveryRound> logger)
{
    private readonly RoundPlanner planner = new(options.MaxItemsPerCall);

    /// <summary>This worker's name in claims and leases.</summary>
    public string Worker { get; } = options.WorkerId ?? $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Runs one round. Returns how many deliveries were claimed.</summary>
    public async Task<int> RunAsync(string channel, CancellationToken cancellationToken)
    {
        var claims = await store.ClaimAsync(channel, Worker, options.BatchSize, time.GetUtcNow(), options.LeaseDuration, cancellationToken);
        if (claims.Count == 0)
        {
            return 0;
        }

        var target = new DeliveryTarget(channel, connectors.PlatformOf(channel), connectors.For(channel), connectors.MapParametersOf(channel));
        var results = new ConcurrentQueue<DeliveryResult>(); // not a ConcurrentBag: that allocates a finalizable ThreadLocal per round
        var read = new List<PlannedDelivery>(claims.Count);
        foreach (var claim in claims)
        {
            try
            {
                read.Add(new PlannedDelivery(claim, reader.Read(claim)));
            }
            catch (MappingFailedException ex)
            {
                results.Enqueue(pipeline.DeadLetter(claim, $"inbound mapping failed: {ex.Message}"));
            }
        }

        foreach (var settled in ItemScope.Apply(read, await store.GetResentItemsAsync(channel, cancellationToken), target.Connector.DeclinedLocation))
        {
            results.Enqueue(settled);
        }

        var versions = await store.GetItemVersionsAsync(channel, RoundPlanner.ItemKeys(read), cancellationToken);
        var plan = planner.Plan(channel, read, versions);
        foreach (var superseded in plan.Superseded)
        {
            results.Enqueue(superseded);
        }

        await Parallel.ForEachAsync(
            plan.Batches,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrencyPerChannel, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                foreach (var result in await pipeline.DeliverAsync(target, batch, ct))
                {
                    results.Enqueue(result);
                }
            });

        var recorded = await store.CompleteAsync(channel, Worker, [.. results], time.GetUtcNow(), CancellationToken.None);
        if (recorded < results.Count)
        {
            logger.LogWarning("Channel {Channel}: {Lost} outcomes were not recorded because their claims had expired and were taken over", channel, results.Count - recorded);
        }

        return claims.Count;
    }
}
