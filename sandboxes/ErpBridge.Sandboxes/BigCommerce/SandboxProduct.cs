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
    DateTimeOffset DateModified)
{
    /// <summary>Purchasability: "available", "disabled" (listed, cannot be bought) or "preorder"; "available" unless sent.</summary>
    public string Availability { get; init; } = "available";
}
