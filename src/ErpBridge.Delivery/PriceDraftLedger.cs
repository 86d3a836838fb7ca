using System.Collections.Concurrent;
using System.Xml.Linq;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Delivery;

/// <summary>
/// A round's products drafted for lack of a price (issue 15), on its channel. A product created from a message without
/// a price is a draft that cannot be bought; when its price comes, the price call publishes it. So that a price
/// publishes only what the bridge itself drafted for lack of a price, never a product the ERP blocked:
/// <list type="bullet">
/// <item>a product call marked <c>price-draft="SKU"</c> (the product's map drafts it only because it has no price, and
/// the message says active) that the store confirmed records the SKU;</item>
/// <item>any other product message delivered for the SKU forgets it (it has a price now, or the store had one, or the
/// ERP blocked or archived it), and a blocked or archived product forgets it even when its delivery failed;</item>
/// <item>a price call conditional on <c>price-draft</c> (<see cref="PlanCall.PriceDraftKind"/>) runs only for a SKU
/// recorded here, as the round read them before sending its prices, and forgets it once the store confirmed it.</item>
/// </list>
/// The round sends product messages before price messages and saves the changes in between, so that a price arriving in
/// the same round as its product's draft publishes it.
/// </summary>
public sealed class PriceDraftLedger
{
    private readonly ConcurrentDictionary<string, bool> changes = new(StringComparer.Ordinal);

    /// <summary>The channel's SKUs drafted for lack of a price, as read before the round sent its prices.</summary>
    public IReadOnlySet<string> Drafted { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The plan with the bridge's own conditions decided: a call conditional on <c>price-draft</c> stays (its condition
    /// removed) when the SKU is drafted for lack of a price (<c>if="found"</c>) or is not (<c>if="missing"</c>), and is
    /// left out otherwise; of several such calls for one SKU and condition, only the first stays.
    /// </summary>
    public RequestPlan Decide(RequestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.Calls.Any(IsDraftCondition))
        {
            return plan;
        }

        var seen = new HashSet<(string, bool)>();
        var calls = new List<PlanCall>(plan.Calls.Count);
        foreach (var call in plan.Calls)
        {
            if (!IsDraftCondition(call))
            {
                calls.Add(call);
                continue;
            }

            var condition = call.Condition!;
            var sku = condition.Key.Trim();
            if (Drafted.Contains(sku) == condition.Found && seen.Add((sku, condition.Found)))
            {
                calls.Add(call with { Condition = null });
            }
        }

        return new RequestPlan(calls);
    }

    /// <summary>
    /// Takes note of what one delivery's outcome changes: <paramref name="plan"/> is the plan as mapped (before
    /// <see cref="Decide"/>), <paramref name="outcome"/> null when the delivery ran out of its time budget.
    /// </summary>
    public void Settle(CanonicalMessage message, RequestPlan plan, DeliveryOutcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(plan);
        var sent = (outcome as DeliveryOutcome.Delivered)?.SentCalls?.ToHashSet(StringComparer.Ordinal);
        switch (message.Type)
        {
            case MessageType.Products:
                foreach (var (sku, status) in Products(message))
                {
                    if (sent is null)
                    {
                        // Not delivered: only a block counts, so that a price never publishes a product the ERP blocked.
                        if (status != "active")
                        {
                            changes[sku] = false;
                        }

                        continue;
                    }

                    changes[sku] = plan.Calls.Any(c => c.PriceDraft == sku && sent.Contains(c.Id));
                }

                break;
            case MessageType.Prices when sent is not null:
                foreach (var call in plan.Calls.Where(c => IsDraftCondition(c) && c.Condition!.Found && sent.Contains(c.Id)))
                {
                    changes[call.Condition!.Key.Trim()] = false;
                }

                break;
        }
    }

    /// <summary>The changes noted since the last call, to save: SKUs drafted for lack of a price, and SKUs no longer so.</summary>
    public (IReadOnlyList<string> Drafted, IReadOnlyList<string> Cleared) TakeChanges()
    {
        var taken = changes.ToArray();
        foreach (var (sku, _) in taken)
        {
            changes.TryRemove(sku, out _);
        }

        return ([.. taken.Where(c => c.Value).Select(c => c.Key)], [.. taken.Where(c => !c.Value).Select(c => c.Key)]);
    }

    /// <summary>The SKUs the price messages of <paramref name="deliveries"/> carry: the drafts the round asks the store for.</summary>
    public static IReadOnlyCollection<string> PriceSkus(IEnumerable<PlannedDelivery> deliveries)
    {
        XNamespace ns = XmlNamespaces.Prices;
        return deliveries
            .SelectMany(d => d.Message.PriceItems())
            .Select(p => ((string?)p.Element.Element(ns + "Sku"))?.Trim() ?? "")
            .Where(s => s.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A round's batches in the order their phases go: those without a price message, then those with one.</summary>
    public static (IReadOnlyList<DeliveryBatch> First, IReadOnlyList<DeliveryBatch> Prices) Phases(IReadOnlyList<DeliveryBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        static bool HasPrices(DeliveryBatch batch) => batch.Deliveries.Any(d => d.Message.Type == MessageType.Prices);
        return ([.. batches.Where(b => !HasPrices(b))], [.. batches.Where(HasPrices)]);
    }

    private static bool IsDraftCondition(PlanCall call) => call.Condition?.Kind == PlanCall.PriceDraftKind;

    /// <summary>The products still in a product message: SKU and status, both trimmed.</summary>
    private static IEnumerable<(string Sku, string Status)> Products(CanonicalMessage message)
    {
        XNamespace ns = XmlNamespaces.Products;
        return message.Document.Descendants(ns + "Product")
            .Select(p => (((string?)p.Element(ns + "Sku"))?.Trim() ?? "", ((string?)p.Element(ns + "Status"))?.Trim() ?? ""))
            .Where(p => p.Item1.Length > 0);
    }
}
