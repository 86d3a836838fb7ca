using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Keeps a running shipment plan's view of its orders current: what a call ships (for <c>order-completion</c>), and
/// what a successful order update, fulfillment or note changed, so that a later shipment of the same order in the same
/// plan counts the earlier one.
/// </summary>
internal static class WooCommerceOrderRecording
{
    /// <summary>The <c>{item_id: order-item reference, qty}</c> entries of a call's body, with the item ids resolved.</summary>
    public static IReadOnlyList<ShippedItem> Shipping(XElement body, IReadOnlyDictionary<string, WooCommerceOrderFacts?> orders)
    {
        var items = new List<ShippedItem>();
        foreach (var entry in body.DescendantsAndSelf(JsonXml.Ns + "map"))
        {
            var itemId = entry.Elements().FirstOrDefault(e => (string?)e.Attribute("key") == "item_id"
                && (string?)e.Attribute(PlanReference.RefAttribute) == WooCommerceReferenceKinds.OrderItem);
            var quantity = entry.Elements(JsonXml.Ns + "number").FirstOrDefault(e => (string?)e.Attribute("key") == "qty");
            if (itemId?.Attribute(PlanReference.KeyAttribute)?.Value is not { } key || quantity is null
                || !int.TryParse(quantity.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var qty))
            {
                continue;
            }

            var order = orders.GetValueOrDefault(WooCommerceReferenceKinds.OrderNumber(WooCommerceReferenceKinds.OrderItem, key));
            if (WooCommerceReferenceKinds.SelectOrder(WooCommerceReferenceKinds.OrderItem, key, order, []) is { } id)
            {
                items.Add(new ShippedItem(long.Parse(id, CultureInfo.InvariantCulture), qty));
            }
        }

        return items;
    }

    /// <summary>Takes note of a successful <c>PUT orders/{id}</c>, <c>POST orders/{id}/fulfillments</c> or <c>POST orders/{id}/notes</c>.</summary>
    public static void Record(PlanCall call, string path, byte[] response, Dictionary<string, WooCommerceOrderFacts?> orders, IDictionary<string, string> platformIds)
    {
        var parts = path.Split('?')[0].Split('/');
        if (parts.Length < 2 || parts[0] != "orders" || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var orderId) || response.Length == 0)
        {
            return;
        }

        var number = orders.FirstOrDefault(o => o.Value?.Id == orderId).Key;
        if (number is null)
        {
            return;
        }

        var facts = orders[number]!;
        try
        {
            using var document = JsonDocument.Parse(response);
            var root = document.RootElement;
            switch (parts.Length, call.Method)
            {
                case (2, "PUT" or "POST"):
                    orders[number] = WooCommerceOrderFacts.FromOrder(root) with { Fulfillments = facts.Fulfillments, Notes = facts.Notes };
                    platformIds[$"order:{call.Id}"] = WooCommerceOutcomes.Number(orderId);
                    break;
                case (3, "POST") when parts[2] == "fulfillments":
                    using (var one = JsonDocument.Parse($"[{root.GetRawText()}]"))
                    {
                        var fulfillments = new Dictionary<string, long>(facts.Fulfillments ?? new Dictionary<string, long>(), StringComparer.Ordinal);
                        foreach (var (shipmentId, id) in WooCommerceOrderFacts.ReadFulfillments(one.RootElement))
                        {
                            fulfillments[shipmentId] = id;
                        }

                        orders[number] = facts with { Fulfillments = fulfillments };
                    }

                    platformIds[$"fulfillment:{call.Id}"] = WooCommerceOutcomes.Number(root.GetProperty("id").GetInt64());
                    break;
                case (3, "POST") when parts[2] == "notes":
                    var note = (root.GetProperty("id").GetInt64(), root.TryGetProperty("note", out var text) ? text.GetString() ?? "" : "");
                    orders[number] = facts with { Notes = [.. facts.Notes ?? [], note] };
                    platformIds[$"note:{call.Id}"] = WooCommerceOutcomes.Number(note.Item1);
                    break;
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A success whose body is not the expected JSON still succeeded; there is just nothing to record.
        }
    }
}
