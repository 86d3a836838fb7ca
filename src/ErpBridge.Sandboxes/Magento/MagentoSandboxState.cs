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
    public MagentoProduct? ProductBySku(string sku) => Products.FirstOrDefault(p => p.Sku == sku);

    /// <summary>The source item of <paramref name="sku"/> at <paramref name="sourceCode"/>, or null when never set.</summary>
    public MagentoSourceItem? SourceItem(string sku, string sourceCode) =>
        SourceItems.FirstOrDefault(i => i.Sku == sku && i.SourceCode == sourceCode);
}
