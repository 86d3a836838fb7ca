using System.Globalization;

namespace ErpBridge.Connectors.ZohoInventory;

/// <summary>The reference kinds a Zoho Inventory plan may ask for, and how a missing one is reported.</summary>
internal static class ZohoInventoryReferenceKinds
{
    /// <summary>Item id by SKU (<c>GET items?sku=</c>).</summary>
    public const string Item = "item";

    /// <summary>Location id by ERP location code: the channel's Locations, else the Zoho location of that name.</summary>
    public const string Location = "location";

    /// <summary>
    /// The adjustment that brings an item's stock on hand at a location to the ERP's level, by
    /// "{location}/{level}/{SKU}": the level minus the location's <c>location_stock_on_hand</c> read just now (never
    /// cached); no value (the line is left out) when the stock is at the level already.
    /// </summary>
    public const string StockDelta = "stock-delta";

    /// <summary>An inventory adjustment already made, by its reference_number (among the newest, see AdjustmentLookBack).</summary>
    public const string Adjustment = "adjustment";

    public static bool IsKnown(string kind) => kind is Item or Location or StockDelta or Adjustment;

    /// <summary>Parses a <see cref="StockDelta"/> key; false when it is not "{location}/{level}/{SKU}".</summary>
    public static bool TryParseDelta(string key, out string location, out decimal level, out string sku)
    {
        var parts = key.Split('/', 3);
        location = parts[0];
        sku = parts.Length == 3 ? parts[2] : "";
        level = 0;
        return parts.Length == 3 && sku.Length > 0
            && decimal.TryParse(parts[1], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out level);
    }

    public static string NotFound(ReferenceKey reference, string channel) => reference.Kind switch
    {
        Item => $"SKU '{reference.Key}' has no item on channel '{channel}'",
        Location => $"ERP location '{reference.Key}' has no location on channel '{channel}' (not mapped in the channel's Locations, and no Zoho location has that name)",
        StockDelta => $"stock line '{reference.Key}' cannot be adjusted on channel '{channel}' (item or location missing)",
        Adjustment => $"no inventory adjustment with reference '{reference.Key}' on channel '{channel}'",
        _ => $"reference kind '{reference.Kind}' (key '{reference.Key}') is not one the Zoho Inventory connector resolves (item, location, stock-delta, adjustment)",
    };
}
