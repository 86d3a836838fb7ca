using System.Text.Json;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// What a shipment plan needs to know about one order: its id, its lines, the shipments already recorded on it (order
/// meta <c>_erpbridge_shipment_{ShipmentId}</c>, CompleteOrder mode), and, when the plan asked for them, its
/// fulfillments by ERP ShipmentId (Fulfillments mode) and its notes.
/// </summary>
internal sealed record WooCommerceOrderFacts(
    long Id,
    IReadOnlyList<WooCommerceOrderFacts.Line> Lines,
    IReadOnlyDictionary<string, IReadOnlyList<ShippedItem>> RecordedShipments)
{
    public const string ShipmentMetaPrefix = "_erpbridge_shipment_";
    public const string FulfillmentShipmentKey = "_erpbridge_shipment_id";
    public const string NoteMarker = "ERP shipment: ";

    /// <summary>ERP ShipmentId → fulfillment id; null when not looked up.</summary>
    public IReadOnlyDictionary<string, long>? Fulfillments { get; init; }

    /// <summary>The notes' ids and texts; null when not looked up.</summary>
    public IReadOnlyList<(long Id, string Text)>? Notes { get; init; }

    public sealed record Line(long Id, string Sku, int Quantity);

    /// <summary>Reads the wc/v3 order object. Throws <see cref="JsonException"/>, <see cref="KeyNotFoundException"/> or <see cref="InvalidOperationException"/> for another shape.</summary>
    public static WooCommerceOrderFacts FromOrder(JsonElement order)
    {
        var lines = order.GetProperty("line_items").EnumerateArray()
            .Select(l => new Line(l.GetProperty("id").GetInt64(), l.TryGetProperty("sku", out var sku) ? sku.GetString() ?? "" : "", l.GetProperty("quantity").GetInt32()))
            .ToList();
        var recorded = new Dictionary<string, IReadOnlyList<ShippedItem>>(StringComparer.Ordinal);
        if (order.TryGetProperty("meta_data", out var meta) && meta.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in meta.EnumerateArray())
            {
                var key = entry.TryGetProperty("key", out var k) ? k.GetString() ?? "" : "";
                if (key.StartsWith(ShipmentMetaPrefix, StringComparison.Ordinal) && entry.TryGetProperty("value", out var value))
                {
                    recorded[key[ShipmentMetaPrefix.Length..]] = Items(value, "items");
                }
            }
        }

        return new WooCommerceOrderFacts(order.GetProperty("id").GetInt64(), lines, recorded);
    }

    /// <summary>The fulfillments of <c>GET orders/{id}/fulfillments</c> that carry an ERP ShipmentId.</summary>
    public static Dictionary<string, long> ReadFulfillments(JsonElement fulfillments)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var fulfillment in fulfillments.EnumerateArray())
        {
            if (!fulfillment.TryGetProperty("meta_data", out var meta) || meta.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var entry in meta.EnumerateArray())
            {
                if (entry.TryGetProperty("key", out var key) && key.GetString() == FulfillmentShipmentKey
                    && entry.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    found.TryAdd(value.GetString()!, fulfillment.GetProperty("id").GetInt64());
                }
            }
        }

        return found;
    }

    /// <summary>The notes of <c>GET orders/{id}/notes</c>.</summary>
    public static List<(long Id, string Text)> ReadNotes(JsonElement notes) =>
        notes.EnumerateArray().Select(n => (n.GetProperty("id").GetInt64(), n.TryGetProperty("note", out var text) ? text.GetString() ?? "" : "")).ToList();

    /// <summary>The id of a note whose line reads exactly "ERP shipment: {ShipmentId}", if any.</summary>
    public long? NoteFor(string shipmentId) =>
        Notes?.Where(n => n.Text.Split('\n').Any(line => line.Trim() == NoteMarker + shipmentId)).Select(n => (long?)n.Id).FirstOrDefault();

    /// <summary>
    /// Whether every line is fully shipped once <paramref name="shipping"/> ships too, counting the shipments recorded
    /// on the order except <paramref name="shipmentId"/> itself (a retry must not count twice).
    /// </summary>
    public bool CompletedBy(string shipmentId, IEnumerable<ShippedItem> shipping)
    {
        var shipped = RecordedShipments.Where(r => r.Key != shipmentId).SelectMany(r => r.Value).Concat(shipping)
            .GroupBy(i => i.ItemId).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        return Lines.Count > 0 && Lines.All(l => shipped.GetValueOrDefault(l.Id) >= l.Quantity);
    }

    private static List<ShippedItem> Items(JsonElement value, string property)
    {
        var items = new List<ShippedItem>();
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.TryGetProperty("item_id", out var id) && id.TryGetInt64(out var itemId) && item.TryGetProperty("qty", out var qty) && qty.TryGetInt32(out var quantity))
                {
                    items.Add(new ShippedItem(itemId, quantity));
                }
            }
        }

        return items;
    }
}

/// <summary>A quantity of one order line item, shipped or being shipped.</summary>
internal readonly record struct ShippedItem(long ItemId, int Quantity);
