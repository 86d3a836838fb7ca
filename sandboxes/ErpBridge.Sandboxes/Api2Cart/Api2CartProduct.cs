namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>A product of the sandbox's cart: its own quantity, and a quantity per warehouse where one was set.</summary>
public sealed record Api2CartProduct(
    string Id,
    string Sku,
    string Model,
    string Name,
    string Description,
    decimal Price,
    decimal Quantity,
    IReadOnlyDictionary<string, decimal> Warehouses,
    bool ManageStock,
    string Status,
    bool AvailableForView,
    decimal? Weight,
    string? WeightUnit,
    string? Barcode,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt);
