using System.Text.Json;
using System.Text.RegularExpressions;

namespace ErpBridge.Bench;

/// <summary>
/// What one sandbox store holds, read from its <c>/_sandbox/state</c>: stock levels at one location by SKU, product
/// titles by SKU (one entry per product carrying the SKU), and how often each shipment mark occurs (the tracking
/// number on Shopify, BigCommerce and Magento; on WooCommerce the order meta of the ShipmentId and the customer note
/// naming the tracking number).
/// </summary>
internal sealed partial record StoreView(string Name, IReadOnlyDictionary<string, decimal> Levels, IReadOnlyDictionary<string, List<string>> Titles, IReadOnlyDictionary<string, int> Marks)
{
    /// <summary>The marks a shipment of <paramref name="order"/> leaves on this store, each to occur exactly once.</summary>
    public IEnumerable<string> MarksOf(int order) => Name == "WooCommerce"
        ? ["meta " + KillOrders.ShipmentId(order), "note " + KillOrders.TrackingNumber(order)]
        : [KillOrders.TrackingNumber(order)];

    public static async Task<IReadOnlyList<StoreView>> ReadAsync(HttpClient http, KillStores stores, string location, CancellationToken cancellationToken)
    {
        async Task<JsonDocument> State(Uri store) => JsonDocument.Parse(await http.GetStringAsync(new Uri(store, "_sandbox/state"), cancellationToken));

        using var shopify = await State(stores.Shopify);
        using var bigCommerce = await State(stores.BigCommerce);
        using var wooCommerce = await State(stores.WooCommerce);
        using var magento = await State(stores.Magento);
        return [Shopify(shopify.RootElement, location), BigCommerce(bigCommerce.RootElement, location), WooCommerce(wooCommerce.RootElement), Magento(magento.RootElement, location)];
    }

    private static StoreView Shopify(JsonElement state, string location)
    {
        var locationId = Array("locations", state).Where(l => Text(l, "name") == location).Select(l => Text(l, "id")).FirstOrDefault();
        var available = Array("inventoryLevels", state).Where(l => Text(l, "locationId") == locationId)
            .ToDictionary(l => Text(l, "inventoryItemId")!, l => l.GetProperty("available").GetDecimal());
        var levels = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var titles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var product in Array("products", state))
        {
            foreach (var variant in Array("variants", product))
            {
                if (Text(variant, "sku") is not { } sku)
                {
                    continue;
                }

                Add(titles, sku, Text(product, "title") ?? "");
                if (available.TryGetValue(Text(variant, "inventoryItemId") ?? "", out var quantity))
                {
                    levels[sku] = quantity;
                }
            }
        }

        var marks = Count(Array("orders", state).SelectMany(o => Array("fulfillments", o)).Select(f => Text(f, "trackingNumber")));
        return new StoreView("Shopify", levels, titles, marks);
    }

    private static StoreView BigCommerce(JsonElement state, string location)
    {
        var levels = Array("inventory", state).Where(l => Text(l, "location_code") == location)
            .ToDictionary(l => Text(l, "sku")!, l => l.GetProperty("quantity").GetDecimal(), StringComparer.Ordinal);
        var marks = Count(Array("orders", state).SelectMany(o => Array("shipments", o)).Select(s => Text(s, "tracking_number")));
        return new StoreView("BigCommerce", levels, TitlesBySku(state, "name"), marks);
    }

    private static StoreView WooCommerce(JsonElement state)
    {
        // One stock level per product: the location the channel names (the run's) is the product's stock.
        var levels = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var product in Array("products", state))
        {
            if (Text(product, "sku") is { Length: > 0 } sku && product.TryGetProperty("stock_quantity", out var quantity) && quantity.ValueKind == JsonValueKind.Number)
            {
                levels[sku] = quantity.GetDecimal();
            }
        }

        var orders = Array("orders", state).ToList();
        var meta = orders.SelectMany(o => Array("meta_data", o)).Select(m => Text(m, "key"))
            .Where(k => k?.StartsWith("_erpbridge_shipment_", StringComparison.Ordinal) == true).Select(k => "meta " + k!["_erpbridge_shipment_".Length..]);
        var notes = orders.SelectMany(o => Array("notes", o)).Where(n => n.GetProperty("customer_note").GetBoolean())
            .SelectMany(n => TrackingNumbers().Matches(Text(n, "note") ?? "").Select(m => "note " + m.Value).Distinct(StringComparer.Ordinal)); // the URL repeats the number
        return new StoreView("WooCommerce", levels, TitlesBySku(state, "name"), Count(meta.Concat(notes)));
    }

    private static StoreView Magento(JsonElement state, string location)
    {
        var levels = Array("source_items", state).Where(i => Text(i, "source_code") == location)
            .ToDictionary(i => Text(i, "sku")!, i => i.GetProperty("quantity").GetDecimal(), StringComparer.Ordinal);
        var marks = Count(Array("shipments", state).SelectMany(s => Array("tracks", s)).Select(t => Text(t, "track_number")));
        return new StoreView("Magento", levels, TitlesBySku(state, "name"), marks);
    }

    private static Dictionary<string, List<string>> TitlesBySku(JsonElement state, string titleProperty)
    {
        var titles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var product in Array("products", state))
        {
            if (Text(product, "sku") is { Length: > 0 } sku)
            {
                Add(titles, sku, Text(product, titleProperty) ?? "");
            }
        }

        return titles;
    }

    private static void Add(Dictionary<string, List<string>> titles, string sku, string title)
    {
        if (!titles.TryGetValue(sku, out var list))
        {
            titles[sku] = list = [];
        }

        list.Add(title);
    }

    private static Dictionary<string, int> Count(IEnumerable<string?> marks) =>
        marks.OfType<string>().GroupBy(m => m, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static IEnumerable<JsonElement> Array(string name, JsonElement element) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    [GeneratedRegex(@"TRK-KS\d{5}")]
    private static partial Regex TrackingNumbers();
}
