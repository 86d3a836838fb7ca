using System.Globalization;
using System.Xml.Linq;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Routing;
using ErpBridge.Core.Status;

namespace ErpBridge.Delivery;

/// <summary>
/// Which prices of each claimed price message this channel takes now, decided before mapping:
/// <list type="bullet">
/// <item>a condition type that is not a sales price, a sales area that does not feed the channel, a negative or
/// percentage amount, or a validity that has ended: skipped with the reason (not an error);</item>
/// <item>a price valid from a later day: left out now and applied when that day starts (in
/// <see cref="PricesOptions.TimeZone"/>): the delivery waits as RetryScheduled until the earliest such day, without
/// spending an attempt, and is claimed again then (the delivery's own retry schedule is the timer);</item>
/// <item>a price this message already applied on an earlier attempt (its item version names this message) is not sent
/// again, so that a newer message's price for another period is never overwritten by a resend.</item>
/// </list>
/// A message with nothing left to send now is settled here: Delivered with its items skipped, or waiting.
/// </summary>
public static class PriceScope
{
    /// <summary>Narrows the price messages in place and removes from <paramref name="deliveries"/> those with nothing to send now; returns their results.</summary>
    /// <param name="versions">The item versions already delivered on the channel (a price this message applied before is among them).</param>
    public static IReadOnlyList<DeliveryResult> Apply(
        List<PlannedDelivery> deliveries, string channel, PricesOptions prices, IReadOnlyDictionary<string, ItemVersion> versions, DateTimeOffset now)
    {
        List<DeliveryResult>? settled = null;
        for (var index = deliveries.Count - 1; index >= 0; index--)
        {
            var delivery = deliveries[index];
            if (delivery.Message.Type != MessageType.Prices)
            {
                continue;
            }

            var claim = delivery.Claim;
            var skipped = new List<ItemOutcome>(delivery.Skipped);
            var leftOut = new HashSet<string>(StringComparer.Ordinal);
            var applied = 0;
            var waiting = 0;
            DateTimeOffset? earliest = null;
            DateTimeOffset? dueFrom = null;
            foreach (var (key, price) in delivery.Message.PriceItems())
            {
                var rule = Decide(price, channel, prices, now);
                if (rule.Skip is { } reason)
                {
                    skipped.Add(ItemOutcome.Skipped(key, reason));
                    leftOut.Add(key);
                }
                else if (versions.TryGetValue(key, out var known) && known.MessageId == claim.MessageId)
                {
                    applied++;
                    leftOut.Add(key);
                }
                else if (rule.Start > now)
                {
                    waiting++;
                    leftOut.Add(key);
                    earliest = earliest is { } e && e <= rule.Start ? e : rule.Start;
                }
                else if (dueFrom is null || rule.Start > dueFrom)
                {
                    dueFrom = rule.Start;
                }
            }

            delivery.DueFrom = dueFrom;
            if (leftOut.Count == 0)
            {
                continue;
            }

            delivery.Skipped = skipped;
            delivery.WaitingUntil = earliest;
            delivery.Waiting = waiting;
            if (delivery.Message.Remove(leftOut) > 0)
            {
                continue;
            }

            var summary = skipped.Count > 0 ? $"; {ItemOutcome.Summary(skipped)} ({skipped[0].Reason})" : "";
            var before = applied > 0 ? $"; {applied} price(s) applied on an earlier attempt" : "";
            (settled ??= []).Add(earliest is { } until
                ? new DeliveryResult(
                    claim.DeliveryId, claim.MessageId, DeliveryStatus.RetryScheduled, claim.Attempts, until, null,
                    $"{WaitingNote(waiting, until)}{before}{summary}", claim.Version, [])
                : new DeliveryResult(
                    claim.DeliveryId, claim.MessageId, DeliveryStatus.Delivered, claim.Attempts, null, null,
                    applied > 0 ? $"delivered: every price is applied{before}{summary}" : $"delivered: nothing for this channel{summary}",
                    claim.Version, [], skipped));
            deliveries.RemoveAt(index);
        }

        return settled ?? [];
    }

    /// <summary>What a delivery's detail says about the prices that wait for their first day.</summary>
    public static string WaitingNote(int waiting, DateTimeOffset until) =>
        $"waiting: {waiting} price(s) valid from a later day, the first applied at {until.ToString("O", CultureInfo.InvariantCulture)}";

    /// <summary>Whether the channel takes one price (null = it does) and the moment it becomes valid.</summary>
    private static (string? Skip, DateTimeOffset Start) Decide(XElement price, string channel, PricesOptions prices, DateTimeOffset now)
    {
        XNamespace ns = XmlNamespaces.Prices;
        string Text(string name) => ((string?)price.Element(ns + name))?.Trim() ?? "";
        var type = Text("ConditionType");
        if (!prices.IsSalesPrice(type))
        {
            return ($"condition type {type} is not a sales price ({BridgeOptions.Section}:Prices:SalesConditionTypes: {string.Join(", ", prices.ConditionTypes)})", now);
        }

        var organization = Text("SalesOrganization");
        var distribution = Text("DistributionChannel");
        if (!prices.Feeds(channel, organization, distribution))
        {
            return ($"sales area {organization}/{distribution} does not feed this channel ({BridgeOptions.Section}:Prices:SalesAreas:{channel}: {prices.AreasOf(channel)})", now);
        }

        // A sales price is an amount of money: a percentage or a negative amount cannot be a shop's price.
        if (!decimal.TryParse(Text("Amount"), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            || amount < 0 || Text("Currency") is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            return ($"{Text("Amount")} {Text("Currency")} is not a price (a sales price is an amount of 0 or more in a currency)", now);
        }

        var from = PricesOptions.ParseDate(Text("ValidFrom"));
        var to = PricesOptions.ParseDate(Text("ValidTo"));
        if (from is null || to is null)
        {
            return ($"validity '{Text("ValidFrom")}' to '{Text("ValidTo")}' is not two dates", now);
        }

        if (to < from || (to < DateOnly.MaxValue && now >= prices.StartOf(to.Value.AddDays(1))))
        {
            return ($"its validity ended on {to.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", now);
        }

        return (null, prices.StartOf(from.Value));
    }
}
