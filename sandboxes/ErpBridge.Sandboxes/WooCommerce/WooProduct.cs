namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// A product or a variation as the store holds it. Variations have <see cref="ParentId"/> and type "variation";
/// they share the id sequence with products, as WordPress posts do.
/// </summary>
public sealed record WooProduct(
    int Id,
    int ParentId,
    string Type,
    string Name,
    string Sku,
    string Status,
    string RegularPrice,
    string Description,
    string Weight,
    bool ManageStock,
    int? StockQuantity,
    IReadOnlyList<WooAttribute> Attributes)
{
    public bool IsVariation => Type == "variation";

    /// <summary>What WooCommerce derives when stock is managed: in stock while the quantity is above zero.</summary>
    public string StockStatus => !ManageStock || StockQuantity > 0 ? "instock" : "outofstock";
}
