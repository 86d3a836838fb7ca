using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// What a platform adds to <see cref="PlanSender{TIds}"/>: how it looks a plan's references up, how a plan call
/// becomes requests with those ids, and what a response means beyond its status (stale ids, batch item errors,
/// GraphQL errors) and records (ids of what was created). <typeparamref name="TIds"/> is the platform's resolved ids.
/// </summary>
internal interface IPlanSteps<TIds>
    where TIds : class
{
    /// <summary>Every reference of the plan looked up (cached where the platform allows), or the failure a look-up came to.</summary>
    Task<(TIds? Ids, DeliveryOutcome? Failure)> ResolveAsync(RequestPlan plan, CancellationToken cancellationToken);

    /// <summary>A copy of the ids that the plan's own creates may add to while it runs.</summary>
    TIds Copy(TIds ids);

    /// <summary>
    /// Why a reference inside one item of a call cannot be resolved with <paramref name="live"/> (the item is then left
    /// out, see <see cref="PlanItems"/>), or null when it resolves.
    /// </summary>
    string? Unresolvable(PlanReference reference, TIds live);

    /// <summary>
    /// The requests <paramref name="call"/> makes: its condition judged on <paramref name="initial"/> (the store as it
    /// was before the plan ran), its path and body filled from <paramref name="live"/>.
    /// </summary>
    PlannedCall Build(PlanCall call, TIds initial, TIds live);

    /// <summary>
    /// What a response to <paramref name="request"/> comes to: a failure (the transport's, or one the platform reads
    /// from the body), or null once what it created is recorded into <paramref name="live"/> and <paramref name="platformIds"/>.
    /// </summary>
    DeliveryOutcome? Complete(PlanCall call, PlannedRequest request, TransportResponse response, TIds live, IDictionary<string, string> platformIds);
}
