namespace ErpBridge.Sandboxes.Shopify;

/// <summary>The result of <c>productSet</c>: the product as it now is, or the user errors (nothing changed).</summary>
internal sealed record ProductSetResult(ProductEntity? Product, IReadOnlyList<UserError> Errors);
