using System.Text.Json.Nodes;

namespace ErpBridge.Sandboxes.ShipStation;

/// <summary>
/// The account's orders and labels. <c>createorder</c> creates an order, or updates the one with the same orderKey
/// (ShipStation's documented upsert), keeping its orderId and createDate; labels are bought through the sandbox's
/// admin side (a warehouse's work), each with its lines.
/// </summary>
internal sealed class ShipStationAccount(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly List<JsonObject> orders = [];
    private readonly List<ShipStationShipment> shipments = [];
    private long nextOrderId = 100_000_001;
    private long nextShipmentId = 200_000_001;

    /// <summary>Creates or updates by orderKey (an order without one is always new); returns the order as stored.</summary>
    public (JsonObject Order, bool Created) Upsert(JsonObject order)
    {
        lock (gate)
        {
            var now = ShipStationTime.Write(time.GetUtcNow());
            var key = (string?)order["orderKey"];
            var existing = key is null ? null : orders.FirstOrDefault(o => (string?)o["orderKey"] == key);
            var stored = (JsonObject)order.DeepClone();
            stored["modifyDate"] = now;
            if (existing is not null)
            {
                stored["orderId"] = existing["orderId"]!.DeepClone();
                stored["createDate"] = existing["createDate"]!.DeepClone();
                orders[orders.IndexOf(existing)] = stored;
            }
            else
            {
                stored["orderId"] = nextOrderId++;
                stored["orderKey"] = key ?? Guid.NewGuid().ToString("N");
                stored["createDate"] = now;
                orders.Add(stored);
            }

            return ((JsonObject)stored.DeepClone(), existing is null);
        }
    }

    /// <summary>Buys a label for the order with this orderKey; ships every line unless <paramref name="lines"/> names some.</summary>
    public ShipStationShipment CreateLabel(string orderKey, string carrierCode, string serviceCode, string trackingNumber, IReadOnlyList<(string Sku, int Quantity)>? lines = null)
    {
        lock (gate)
        {
            var order = orders.FirstOrDefault(o => (string?)o["orderKey"] == orderKey)
                ?? throw new ArgumentException($"No order with orderKey '{orderKey}'.", nameof(orderKey));
            var items = ((JsonArray?)order["items"] ?? [])
                .OfType<JsonObject>()
                .Select(i => new ShipStationShipmentItem((string?)i["lineItemKey"], (string?)i["sku"], (string?)i["name"], (int?)i["quantity"] ?? 0))
                .Where(i => lines is null || lines.Any(l => l.Sku == i.Sku))
                .Select(i => lines is null ? i : i with { Quantity = lines.First(l => l.Sku == i.Sku).Quantity })
                .ToList();
            var shipment = new ShipStationShipment(
                nextShipmentId++, (long)order["orderId"]!, orderKey, (string?)order["orderNumber"] ?? "", time.GetUtcNow(),
                carrierCode, serviceCode, trackingNumber, false, items);
            shipments.Add(shipment);
            order["orderStatus"] = "shipped";
            order["modifyDate"] = ShipStationTime.Write(time.GetUtcNow());
            return shipment;
        }
    }

    /// <summary>Labels created at or after <paramref name="createdSince"/> (all when null), oldest first, with the total before paging.</summary>
    public (IReadOnlyList<ShipStationShipment> Page, int Total) Shipments(DateTimeOffset? createdSince, string? orderNumber, int page, int pageSize)
    {
        lock (gate)
        {
            var matching = shipments
                .Where(s => createdSince is null || s.CreatedAt >= createdSince)
                .Where(s => orderNumber is null || s.OrderNumber == orderNumber)
                .OrderBy(s => s.CreatedAt).ThenBy(s => s.ShipmentId)
                .ToList();
            return (matching.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matching.Count);
        }
    }

    public JsonObject? Order(long orderId)
    {
        lock (gate)
        {
            return orders.FirstOrDefault(o => (long?)o["orderId"] == orderId)?.DeepClone() as JsonObject;
        }
    }

    public ShipStationSandboxState Snapshot()
    {
        lock (gate)
        {
            return new ShipStationSandboxState(orders.Select(o => (JsonObject)o.DeepClone()).ToList(), [.. shipments]);
        }
    }
}
