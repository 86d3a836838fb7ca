namespace ErpBridge.Sandboxes.Shopify;

/// <summary>The result of <c>productUpdate</c>: the product as updated, or the user errors (nothing changed).</summary>
internal sealed record ProductUpdateResult(ProductEntity? Product, IReadOnlyList<UserError> Errors);
