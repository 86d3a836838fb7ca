using System.Xml.Linq;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// Failures per item, the same on every platform. A map marks the element of a call's body that carries one item of
/// the message with <c>plan:item="KEY"</c> (the item's key, e.g. <c>inv:SKU@LOCATION</c>). When a reference inside such
/// an element cannot be resolved (an unknown SKU, a location the channel does not take), that element is left out of
/// the call and the item is reported failed with the reason; the rest of the call goes. A call whose items are all
/// left out is not sent. A reference outside any item element still fails the whole plan, as before.
/// </summary>
internal static class PlanItems
{
    public static readonly XName ItemAttribute = RequestPlan.Ns + "item";

    /// <summary>
    /// The call without the item elements whose references <paramref name="unresolvable"/> refuses (it returns the
    /// reason, or null when the reference resolves), and the items left out. <see cref="Pruned.Emptied"/> when the call
    /// had items and none is left.
    /// </summary>
    public static Pruned Prune(PlanCall call, Func<PlanReference, string?> unresolvable)
    {
        if (call.Body is null || !call.Body.DescendantsAndSelf().Any(e => e.Attribute(ItemAttribute) is not null))
        {
            return new Pruned(call, [], Emptied: false);
        }

        // The body itself may be the item, where the platform takes one item per call (API2Cart): left out, it
        // empties the call.
        var body = new XElement(call.Body);
        var items = body.DescendantsAndSelf().Where(e => e.Attribute(ItemAttribute) is not null).ToList();
        var failed = new List<ItemOutcome>();
        foreach (var item in items)
        {
            var reason = PlanReference.Collect(item)
                .Where(r => r.Missing == MissingReference.Fail)
                .Select(unresolvable)
                .FirstOrDefault(r => r is not null);
            if (reason is not null)
            {
                failed.Add(ItemOutcome.Failed(item.Attribute(ItemAttribute)!.Value, reason));
                if (item.Parent is not null)
                {
                    item.Remove();
                }
            }
        }

        return failed.Count == 0
            ? new Pruned(call, [], Emptied: false)
            : new Pruned(call with { Body = body }, failed, Emptied: failed.Count == items.Count);
    }

    /// <summary>A call with the item elements it can send, the items it left out, and whether none is left.</summary>
    internal sealed record Pruned(PlanCall Call, IReadOnlyList<ItemOutcome> Failed, bool Emptied);
}
