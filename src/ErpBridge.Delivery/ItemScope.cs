using ErpBridge.Core.Delivery;
using ErpBridge.Core.Status;

namespace ErpBridge.Delivery;

/// <summary>
/// Which items of each claimed message are for this attempt on this channel, decided before mapping: stock at a
/// location the channel does not take is left out and recorded as skipped (not an error); a resubmit of failed items
/// sends only those. A message with nothing left for the channel is settled as Delivered with its items skipped.
/// </summary>
public static class ItemScope
{
    /// <summary>
    /// Narrows the messages in place and removes from <paramref name="deliveries"/> those with nothing left; returns
    /// their results.
    /// </summary>
    /// <param name="resent">Per delivery id, the items a resubmit sends again (only those).</param>
    /// <param name="declinedLocation">Why the channel does not take a location, or null when it does.</param>
    public static IReadOnlyList<DeliveryResult> Apply(
        List<PlannedDelivery> deliveries, IReadOnlyDictionary<long, IReadOnlySet<string>> resent, Func<string, string?> declinedLocation)
    {
        List<DeliveryResult>? settled = null;
        Dictionary<string, string?>? declined = null; // per round: most messages name the same few locations
        for (var index = deliveries.Count - 1; index >= 0; index--)
        {
            var delivery = deliveries[index];
            var message = delivery.Message;
            var before = message.Keys.Count;
            if (resent.TryGetValue(delivery.Claim.DeliveryId, out var only))
            {
                delivery.Resent = only;
                message.Remove(message.Keys.Where(k => !only.Contains(k)).ToHashSet(StringComparer.Ordinal));
            }

            var skipped = new List<ItemOutcome>();
            foreach (var (key, location) in message.ItemLocations())
            {
                declined ??= new Dictionary<string, string?>(StringComparer.Ordinal);
                if (!declined.TryGetValue(location, out var reason))
                {
                    declined[location] = reason = declinedLocation(location);
                }

                if (reason is not null)
                {
                    skipped.Add(ItemOutcome.Skipped(key, reason));
                }
            }

            if (skipped.Count == 0 && (before == 0 || message.Keys.Count > 0))
            {
                continue;
            }

            delivery.Skipped = skipped;
            if (message.Remove(skipped.Select(s => s.Key).ToHashSet(StringComparer.Ordinal)) > 0)
            {
                continue;
            }

            var claim = delivery.Claim;
            var detail = skipped.Count > 0
                ? $"delivered: nothing for this channel, {ItemOutcome.Summary(skipped)} ({skipped[0].Reason})"
                : "delivered: none of the resubmitted items is in the message";
            (settled ??= []).Add(new DeliveryResult(claim.DeliveryId, claim.MessageId, DeliveryStatus.Delivered, claim.Attempts, null, null, detail, claim.Version, [], skipped));
            deliveries.RemoveAt(index);
        }

        return settled ?? [];
    }
}
