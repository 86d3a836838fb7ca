using System.Globalization;
using System.Text.Json.Nodes;

namespace ErpBridge.Sandboxes.ZohoInventory;

/// <summary>
/// The organisation's items, locations and inventory adjustments, behind one lock. Stock changes only by adjustments
/// (and by the sandbox's own seeding), as in Zoho.
/// </summary>
internal sealed class ZohoInventoryStore
{
    private readonly Lock gate = new();
    private readonly List<(string Id, string Name)> locations;
    private readonly Dictionary<string, ZohoSandboxItem> items = new(StringComparer.Ordinal);
    private readonly List<ZohoSandboxAdjustment> adjustments = [];
    private long nextItemId = 4815000000044100;
    private long nextAdjustmentId = 4815000000048000;

    public ZohoInventoryStore(IEnumerable<string> locationNames)
    {
        locations = locationNames.Select((name, i) => ((460000000038080L + i).ToString(CultureInfo.InvariantCulture), name)).ToList();
    }

    public IReadOnlyList<(string Id, string Name)> Locations => locations;

    public string? LocationId(string name) => locations.FirstOrDefault(l => l.Name == name).Id;

    public ZohoSandboxItem? BySku(string sku)
    {
        lock (gate)
        {
            return items.Values.FirstOrDefault(i => i.Sku == sku);
        }
    }

    public ZohoSandboxItem? ById(string id)
    {
        lock (gate)
        {
            return items.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<ZohoSandboxItem> Items()
    {
        lock (gate)
        {
            return [.. items.Values.OrderBy(i => i.ItemId, StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<ZohoSandboxAdjustment> Adjustments()
    {
        lock (gate)
        {
            return [.. adjustments];
        }
    }

    public void Seed(IEnumerable<string> skus)
    {
        lock (gate)
        {
            foreach (var sku in skus.Where(s => items.Values.All(i => i.Sku != s)).ToList())
            {
                Add(sku, "Item " + sku, null, null, null);
            }
        }
    }

    public bool Delete(string sku)
    {
        lock (gate)
        {
            return items.Values.FirstOrDefault(i => i.Sku == sku) is { } item && items.Remove(item.ItemId);
        }
    }

    public void SetStock(string sku, string location, decimal quantity)
    {
        var locationId = LocationId(location) ?? throw new ArgumentException($"No location named '{location}'.", nameof(location));
        lock (gate)
        {
            var item = items.Values.FirstOrDefault(i => i.Sku == sku) ?? Add(sku, "Item " + sku, null, null, null);
            items[item.ItemId] = item with { Stock = new Dictionary<string, decimal>(item.Stock) { [locationId] = quantity } };
        }
    }

    /// <summary>The created item, or the error (code, message) that refuses it.</summary>
    public (ZohoSandboxItem? Item, int Code, string? Error) Create(JsonObject body)
    {
        var name = (string?)body["name"];
        var sku = (string?)body["sku"] ?? "";
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, 4, "Invalid value passed for name");
        }

        lock (gate)
        {
            if (sku.Length > 0 && items.Values.Any(i => i.Sku == sku))
            {
                return (null, 1001, $"Item with the SKU \"{sku}\" already exists.");
            }

            return (Add(sku, name, Rate(body), (string?)body["description"], Ean(body)), 0, null);
        }
    }

    public (ZohoSandboxItem? Item, int Code, string? Error) Update(string id, JsonObject body)
    {
        lock (gate)
        {
            if (!items.TryGetValue(id, out var item))
            {
                return (null, 1002, "Item does not exist.");
            }

            var sku = (string?)body["sku"] ?? item.Sku;
            if (sku != item.Sku && items.Values.Any(i => i.Sku == sku))
            {
                return (null, 1001, $"Item with the SKU \"{sku}\" already exists.");
            }

            if (body["name"] is not null && string.IsNullOrWhiteSpace((string?)body["name"]))
            {
                return (null, 4, "Invalid value passed for name");
            }

            item = item with
            {
                Sku = sku,
                Name = (string?)body["name"] ?? item.Name,
                Rate = body.ContainsKey("rate") ? Rate(body) : item.Rate,
                Description = body.ContainsKey("description") ? (string?)body["description"] : item.Description,
                Status = (string?)body["status"] ?? item.Status,
                Ean = body.ContainsKey("ean") ? Ean(body) : item.Ean,
            };
            items[id] = item;
            return (item, 0, null);
        }
    }

    public (ZohoSandboxAdjustment? Adjustment, int Code, string? Error) Adjust(JsonObject body)
    {
        string? Text(string name) => body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (Text("date") is not { Length: > 0 } date || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return (null, 4, "Invalid value passed for date");
        }

        if (Text("reason") is not { Length: > 0 } reason)
        {
            return (null, 4, "Invalid value passed for reason");
        }

        if (Text("adjustment_type") != "quantity")
        {
            return (null, 4, "Invalid value passed for adjustment_type");
        }

        if (body["line_items"] is not JsonArray { Count: > 0 } lineItems)
        {
            return (null, 4, "Invalid value passed for line_items");
        }

        var top = Text("location_id");
        lock (gate)
        {
            var lines = new List<(string ItemId, string LocationId, decimal Quantity)>();
            foreach (var line in lineItems.OfType<JsonObject>())
            {
                var itemId = line["item_id"]?.ToString();
                var locationId = line["location_id"]?.ToString() ?? top ?? locations[0].Id;
                if (itemId is null || !items.ContainsKey(itemId))
                {
                    return (null, 1002, "Item does not exist.");
                }

                if (locations.All(l => l.Id != locationId))
                {
                    return (null, 4, "Invalid value passed for location_id");
                }

                if (line["quantity_adjusted"] is not JsonValue quantity || !quantity.TryGetValue<decimal>(out var adjusted) || adjusted == 0)
                {
                    return (null, 4, "Invalid value passed for quantity_adjusted");
                }

                lines.Add((itemId, locationId, adjusted));
            }

            foreach (var (itemId, locationId, adjusted) in lines)
            {
                var item = items[itemId];
                items[itemId] = item with { Stock = new Dictionary<string, decimal>(item.Stock) { [locationId] = item.StockAt(locationId) + adjusted } };
            }

            var adjustment = new ZohoSandboxAdjustment(
                (nextAdjustmentId++).ToString(CultureInfo.InvariantCulture), date, reason, Text("reference_number"), Text("description"), lines);
            adjustments.Insert(0, adjustment);
            return (adjustment, 0, null);
        }
    }

    private ZohoSandboxItem Add(string sku, string name, decimal? rate, string? description, long? ean)
    {
        var item = new ZohoSandboxItem((nextItemId++).ToString(CultureInfo.InvariantCulture), sku, name, rate, description, "active", ean, new Dictionary<string, decimal>());
        items[item.ItemId] = item;
        return item;
    }

    private static decimal? Rate(JsonObject body) => body["rate"] is JsonValue value && value.TryGetValue<decimal>(out var rate) ? rate : null;

    private static long? Ean(JsonObject body) => body["ean"] is JsonValue value && value.TryGetValue<long>(out var ean) ? ean : null;
}
