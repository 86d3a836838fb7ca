using System.Xml.Linq;
using ErpBridge.Mapping.Json;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// A shipment map writes one <c>lineItemsByFulfillmentOrder</c> entry per SKU, since only the connector learns which
/// fulfillment order holds each SKU. Once ids are filled in, entries naming the same fulfillment order are merged
/// into one, so that <c>fulfillmentCreate</c> names each fulfillment order once, as Shopify's input expects.
/// </summary>
internal static class ShopifyFulfillmentGroups
{
    private const string GroupsKey = "lineItemsByFulfillmentOrder";
    private const string OrderKey = "fulfillmentOrderId";
    private const string LinesKey = "fulfillmentOrderLineItems";

    /// <summary>Merges entries of the same fulfillment order in place; entries that ship a whole fulfillment order (no lines) stay as they are.</summary>
    public static XElement Merge(XElement body)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var groups in body.DescendantsAndSelf(JsonXml.Ns + "array").Where(a => Key(a) == GroupsKey).ToList())
        {
            var entries = groups.Elements(JsonXml.Ns + "map").ToList();
            foreach (var sameOrder in entries.GroupBy(Order).Where(g => g.Key is not null && g.Count() > 1))
            {
                var all = sameOrder.ToList();
                if (all.Any(e => Lines(e) is null))
                {
                    continue;
                }

                var target = Lines(all[0])!;
                foreach (var entry in all.Skip(1))
                {
                    target.Add(Lines(entry)!.Elements());
                    entry.Remove();
                }
            }
        }

        return body;
    }

    private static string? Key(XElement element) => (string?)element.Attribute("key");

    private static string? Order(XElement entry) =>
        entry.Elements(JsonXml.Ns + "string").FirstOrDefault(e => Key(e) == OrderKey)?.Value;

    private static XElement? Lines(XElement entry) =>
        entry.Elements(JsonXml.Ns + "array").FirstOrDefault(e => Key(e) == LinesKey);
}
