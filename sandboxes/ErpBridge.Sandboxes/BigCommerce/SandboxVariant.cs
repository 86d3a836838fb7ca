namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>A variant; every product has its base variant, which carries the product's SKU.</summary>
public sealed record SandboxVariant(int Id, int ProductId, string Sku, bool IsBaseVariant);
