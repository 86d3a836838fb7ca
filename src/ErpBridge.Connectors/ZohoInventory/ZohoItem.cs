using System.Globalization;
using System.Text.Json;

namespace ErpBridge.Connectors.ZohoInventory;

/// <summary>An item as <c>GET items</c> lists it: its id, SKU and stock on hand per location id.</summary>
internal sealed record ZohoItem(string Id, string Sku, IReadOnlyDictionary<string, decimal> StockAt)
{
    public static ZohoItem Read(JsonElement id, JsonElement element)
    {
        var stock = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (element.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array)
        {
            foreach (var location in locations.EnumerateArray())
            {
                if (location.TryGetProperty("location_id", out var locationId) && location.TryGetProperty("location_stock_on_hand", out var onHand))
                {
                    stock[locationId.ToString()] = Number(onHand);
                }
            }
        }

        var sku = element.TryGetProperty("sku", out var s) ? s.ToString() : "";
        return new ZohoItem(id.ToString(), sku, stock);
    }

    /// <summary>The contract types location_stock_on_hand as a string (often ""), stock_on_hand as a number: both are read.</summary>
    private static decimal Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => 0,
    };
}
