namespace ErpBridge.Sandboxes.Magento;

/// <summary>The fields of a product save request; null = not sent (an update keeps the stored value).</summary>
internal sealed record ProductInput(
    string? Sku,
    string? Name,
    int? AttributeSetId,
    decimal? Price,
    int? Status,
    int? Visibility,
    string? TypeId,
    decimal? Weight,
    IReadOnlyDictionary<string, string> CustomAttributes);
