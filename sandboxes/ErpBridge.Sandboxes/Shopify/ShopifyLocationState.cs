namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A location of the sandbox shop.</summary>
public sealed record ShopifyLocationState(string Id, string Name, bool IsActive);
