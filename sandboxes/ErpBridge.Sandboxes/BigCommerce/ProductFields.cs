namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>The product fields a create or update request carried; null = not sent.</summary>
internal sealed record ProductFields(
    string? Name,
    string? Type,
    string? Sku,
    decimal? Price,
    decimal? Weight,
    string? Description,
    bool? IsVisible,
    string? Upc,
    IReadOnlyList<CustomFieldInput>? CustomFields)
{
    public string? Availability { get; init; }
}
