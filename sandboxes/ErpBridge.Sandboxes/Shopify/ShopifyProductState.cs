namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A product of the sandbox shop with its variants.</summary>
public sealed record ShopifyProductState(string Id, string Title, string Handle, string Status, string DescriptionHtml, IReadOnlyList<ShopifyVariantState> Variants);
