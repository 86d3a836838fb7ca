namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>Stock of one variant at one location.</summary>
public sealed record SandboxInventoryLevel(int VariantId, string Sku, int LocationId, string LocationCode, int Quantity);
