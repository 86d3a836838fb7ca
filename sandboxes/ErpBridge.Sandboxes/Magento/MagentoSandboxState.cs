namespace ErpBridge.Sandboxes.Magento;

/// <summary>A product as the catalog holds it; <see cref="CustomAttributes"/> by attribute code.</summary>
public sealed record MagentoProduct(
    int Id,
    string Sku,
    string Name,
    int AttributeSetId,
    decimal? Price,
    int Status,
    int Visibility,
    string TypeId,
    decimal? Weight,
    IReadOnlyDictionary<string, string> CustomAttributes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>An MSI source.</summary>
public sealed record MagentoSource(string SourceCode, string Name, bool Enabled);

/// <summary>The quantity of a SKU at a source; <see cref="Status"/> 1 = in stock, 0 = out of stock.</summary>
public sealed record MagentoSourceItem(string Sku, string SourceCode, decimal Quantity, int Status);

/// <summary>A consistent copy of the store.</summary>
public sealed record MagentoSandboxState(
    IReadOnlyList<MagentoProduct> Products,
    IReadOnlyList<MagentoSource> Sources,
    IReadOnlyList<MagentoSourceItem> SourceItems)
{
    /// <summary>The orders, oldest first, with their shipped quantities.</summary>
    public IReadOnlyList<MagentoOrder> Orders { get; init; } = [];

    /// <summary>The shipments, oldest first.</summary>
    public IReadOnlyList<MagentoShipment> Shipments { get; init; } = [];

    public MagentoOrder? OrderByNumber(string incrementId) => Orders.FirstOrDefault(o => o.IncrementId == incrementId);

    /// <summary>The shipments of the order with that increment id.</summary>
    public IReadOnlyList<MagentoShipment> ShipmentsOf(string incrementId) =>
        OrderByNumber(incrementId) is { } order ? Shipments.Where(s => s.OrderId == order.Id).ToList() : [];

    public MagentoProduct? ProductBySku(string sku) => Products.FirstOrDefault(p => p.Sku == sku);

    /// <summary>The source item of <paramref name="sku"/> at <paramref name="sourceCode"/>, or null when never set.</summary>
    public MagentoSourceItem? SourceItem(string sku, string sourceCode) =>
        SourceItems.FirstOrDefault(i => i.Sku == sku && i.SourceCode == sourceCode);
}
