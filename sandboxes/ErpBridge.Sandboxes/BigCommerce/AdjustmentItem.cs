namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>One item of an absolute adjustment, identified by exactly one of sku, variant_id, product_id.</summary>
internal sealed record AdjustmentItem(int LocationId, int Quantity, string? Sku, int? VariantId, int? ProductId)
{
    public string IdentityName => Sku is not null ? "sku" : VariantId is not null ? "variant_id" : "product_id";

    public string IdentityValue => Sku ?? (VariantId ?? ProductId)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
