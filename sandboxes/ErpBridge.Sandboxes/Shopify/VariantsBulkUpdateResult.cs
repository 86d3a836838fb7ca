namespace ErpBridge.Sandboxes.Shopify;

/// <summary>The result of <c>productVariantsBulkUpdate</c>: the product and the variants updated, or the user errors (nothing changed).</summary>
internal sealed record VariantsBulkUpdateResult(ProductEntity? Product, IReadOnlyList<VariantEntity> Variants, IReadOnlyList<UserError> Errors);
