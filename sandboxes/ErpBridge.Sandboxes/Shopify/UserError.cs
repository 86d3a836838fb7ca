namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A validation problem reported in a payload's <c>userErrors</c>.</summary>
internal sealed record UserError(IReadOnlyList<string>? Field, string Message, string? Code);
