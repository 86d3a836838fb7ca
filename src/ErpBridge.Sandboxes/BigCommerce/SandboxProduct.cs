namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>A catalog product as the sandbox holds it, read back by tests and the demo.</summary>
public sealed record SandboxProduct(
    int Id,
    string Name,
    string Type,
    string Sku,
    decimal Price,
    decimal Weight,
    string Description,
    bool IsVisible,
    string Upc,
    IReadOnlyList<SandboxCustomField> CustomFields,
    int BaseVariantId,
    DateTimeOffset DateCreated,
    DateTimeOffset DateModified);

/// <summary>A product custom field (name/value pair shown on the storefront).</summary>
public sealed record SandboxCustomField(int Id, string Name, string Value);

/// <summary>A variant; every product has its base variant, which carries the product's SKU.</summary>
public sealed record SandboxVariant(int Id, int ProductId, string Sku, bool IsBaseVariant);

/// <summary>An inventory location.</summary>
public sealed record SandboxLocation(int Id, string Code, string Label);

/// <summary>Stock of one variant at one location.</summary>
public sealed record SandboxInventoryLevel(int VariantId, string Sku, int LocationId, string LocationCode, int Quantity);

/// <summary>
/// One API request as received (authenticated and within the rate limit), with the status it got. <see cref="Path"/>
/// is what follows the store hash (e.g. <c>v3/catalog/products</c>); <see cref="Query"/> starts with '?' when present.
/// </summary>
public sealed record SandboxRequest(DateTimeOffset ReceivedAt, string Method, string Path, string Query, string? Body, int Status)
{
    public bool IsWrite => Method is not ("GET" or "HEAD");
}

/// <summary>A consistent copy of the store.</summary>
public sealed record BigCommerceSandboxState(
    IReadOnlyList<SandboxProduct> Products,
    IReadOnlyList<SandboxVariant> Variants,
    IReadOnlyList<SandboxLocation> Locations,
    IReadOnlyList<SandboxInventoryLevel> Inventory)
{
    public SandboxProduct? ProductBySku(string sku) => Products.FirstOrDefault(p => p.Sku == sku);

    /// <summary>The quantity of <paramref name="sku"/> at the location coded <paramref name="locationCode"/>, or null when never set.</summary>
    public int? StockOf(string sku, string locationCode) =>
        Inventory.FirstOrDefault(i => i.Sku == sku && i.LocationCode == locationCode)?.Quantity;
}
