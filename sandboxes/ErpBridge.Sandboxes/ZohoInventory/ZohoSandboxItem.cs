namespace ErpBridge.Sandboxes.ZohoInventory;

/// <summary>An item as the sandbox holds it; <see cref="Stock"/> is the stock on hand by location id.</summary>
public sealed record ZohoSandboxItem(string ItemId, string Sku, string Name, decimal? Rate, string? Description, string Status, long? Ean, IReadOnlyDictionary<string, decimal> Stock)
{
    public decimal StockAt(string locationId) => Stock.GetValueOrDefault(locationId);
}
