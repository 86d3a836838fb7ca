using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;

namespace ErpBridge.Delivery;

/// <summary>
/// Plans one round from its claimed deliveries and the item versions already on the platform; no I/O.
/// <para>
/// Ordering: one worker delivers a channel at a time (the channel lease). Items that a newer message has already
/// delivered, or delivers in the same round, are removed (no stale overwrite, and no two plans of a round touch the
/// same item, so they all run at once); a message with nothing left is Superseded.
/// </para>
/// </summary>
/// <param name="maxItemsPerCall">Stock messages go out together up to this many items (<see cref="DeliveryOptions.MaxItemsPerCall"/>).</param>
public sealed class RoundPlanner(int maxItemsPerCall)
{
    /// <summary>The item keys the round's messages carry: the versions the store is asked for.</summary>
    public static IReadOnlyCollection<string> ItemKeys(IReadOnlyList<PlannedDelivery> deliveries)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var delivery in deliveries)
        {
            keys.UnionWith(delivery.Message.Keys);
        }

        return keys;
    }

    /// <summary>Removes superseded items from the messages (in place), settles the messages left empty, and batches the rest.</summary>
    /// <param name="versions">The newest version of each item already delivered on the channel.</param>
    public RoundPlan Plan(string channel, IReadOnlyList<PlannedDelivery> deliveries, IReadOnlyDictionary<string, ItemVersion> versions)
    {
        var (newest, repeated) = NewestPerItem(deliveries);
        var superseded = new List<DeliveryResult>();
        var live = new List<PlannedDelivery>(deliveries.Count);
        foreach (var delivery in deliveries)
        {
            if (Prune(delivery, newest, repeated, versions) is { } result)
            {
                superseded.Add(result);
            }
            else
            {
                live.Add(delivery);
            }
        }

        return new RoundPlan(superseded, Batches(live, channel));
    }

    /// <summary>
    /// Gives each item key of the round to the newest delivery that carries it. Also returns the keys a message names
    /// more than once: the newest-wins rule has always left those out of that message as well.
    /// </summary>
    private static (Dictionary<string, PlannedDelivery> Newest, HashSet<(long DeliveryId, string Key)>? Repeated) NewestPerItem(IReadOnlyList<PlannedDelivery> deliveries)
    {
        var newest = new Dictionary<string, PlannedDelivery>(StringComparer.Ordinal);
        HashSet<(long, string)>? repeated = null;
        foreach (var delivery in deliveries.OrderByDescending(d => d.Claim.Version).ThenByDescending(d => d.Claim.DeliveryId))
        {
            foreach (var key in delivery.Message.Keys)
            {
                if (!newest.TryAdd(key, delivery) && ReferenceEquals(newest[key], delivery))
                {
                    (repeated ??= []).Add((delivery.Claim.DeliveryId, key));
                }
            }
        }

        return (newest, repeated);
    }

    /// <summary>
    /// Leaves out the items a newer message already delivered (stored versions) or sends in this round. Returns the
    /// Superseded result when nothing is left, else null.
    /// </summary>
    private static DeliveryResult? Prune(
        PlannedDelivery delivery, Dictionary<string, PlannedDelivery> newest, HashSet<(long DeliveryId, string Key)>? repeated, IReadOnlyDictionary<string, ItemVersion> versions)
    {
        var claim = delivery.Claim;
        Dictionary<string, string>? supersededBy = null; // item key → the newer message; most messages have none
        foreach (var key in delivery.Message.Keys)
        {
            string? by = null;
            if (versions.TryGetValue(key, out var known) && known.MessageId != claim.MessageId && known.IsNewerThan(claim.Version))
            {
                by = known.MessageId;
            }
            else if (newest.TryGetValue(key, out var newer) && (!ReferenceEquals(newer, delivery) || repeated?.Contains((claim.DeliveryId, key)) == true))
            {
                by = newer.Claim.MessageId;
            }

            if (by is not null)
            {
                supersededBy ??= new Dictionary<string, string>(StringComparer.Ordinal);
                supersededBy[key] = by;
            }
        }

        if (supersededBy is null)
        {
            return null;
        }

        delivery.Superseded = supersededBy.Count;
        if (delivery.Message.Remove(supersededBy.Keys.ToHashSet(StringComparer.Ordinal)) > 0)
        {
            return null;
        }

        var names = string.Join(", ", supersededBy.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(5));
        if (delivery.Resent is not null)
        {
            // A resubmit of failed items: the rest of the message was delivered, and a newer message has delivered these
            // since, so nothing is sent and the message stays delivered.
            return new DeliveryResult(
                claim.DeliveryId, claim.MessageId, DeliveryStatus.Delivered, claim.Attempts, null, null,
                $"delivered: the resubmitted item(s) were superseded by a newer message ({names}) and not sent", claim.Version, [], delivery.Skipped);
        }

        return new DeliveryResult(
            claim.DeliveryId, claim.MessageId, DeliveryStatus.Superseded, claim.Attempts, null, null,
            $"every item was superseded by a newer message ({names})", claim.Version, [], delivery.Skipped);
    }

    /// <summary>
    /// Stock messages of a round go out together, up to maxItemsPerCall items: one platform call (the maps split at
    /// each API's own limit) instead of one per message. Shipment messages that name the same order of this channel go
    /// one after the other, so that a connector's "does this ShipmentId exist yet" check sees what the one before
    /// created. Other messages go alone.
    /// </summary>
    private List<DeliveryBatch> Batches(List<PlannedDelivery> live, string channel)
    {
        var batches = new List<List<PlannedDelivery>>();
        var shipmentGroups = new List<(List<PlannedDelivery> Deliveries, HashSet<string> Orders)>();
        List<PlannedDelivery>? open = null;
        var items = 0;
        foreach (var delivery in live)
        {
            var count = delivery.Message.Keys.Count;
            if (delivery.Message.Type == MessageType.Shipments)
            {
                AddToShipmentGroup(shipmentGroups, delivery, delivery.Message.OrderNumbers(channel));
                continue;
            }

            if (delivery.Message.Type != MessageType.Inventory || maxItemsPerCall <= 1)
            {
                batches.Add([delivery]);
                continue;
            }

            if (open is null || items + count > maxItemsPerCall)
            {
                open = [];
                batches.Add(open);
                items = 0;
            }

            open.Add(delivery);
            items += count;
        }

        var planned = new List<DeliveryBatch>(batches.Count + shipmentGroups.Count);
        foreach (var batch in batches)
        {
            planned.Add(new DeliveryBatch(batch.Count == 1 ? DeliveryBatchKind.Alone : DeliveryBatchKind.Together, batch));
        }

        foreach (var (group, _) in shipmentGroups)
        {
            planned.Add(group.Count == 1
                ? new DeliveryBatch(DeliveryBatchKind.Alone, group)
                : new DeliveryBatch(DeliveryBatchKind.InTurn, group.OrderBy(d => d.Claim.DeliveryId).ToList()));
        }

        return planned;
    }

    /// <summary>Joins the group(s) sharing an order with this shipment message; groups it links become one.</summary>
    private static void AddToShipmentGroup(List<(List<PlannedDelivery> Deliveries, HashSet<string> Orders)> groups, PlannedDelivery delivery, IReadOnlyCollection<string> orders)
    {
        var matching = groups.Where(g => g.Orders.Overlaps(orders)).ToList();
        if (matching.Count == 0)
        {
            groups.Add(([delivery], new HashSet<string>(orders, StringComparer.Ordinal)));
            return;
        }

        var into = matching[0];
        foreach (var other in matching.Skip(1))
        {
            into.Deliveries.AddRange(other.Deliveries);
            into.Orders.UnionWith(other.Orders);
            groups.Remove(other);
        }

        into.Deliveries.Add(delivery);
        into.Orders.UnionWith(orders);
    }
}
