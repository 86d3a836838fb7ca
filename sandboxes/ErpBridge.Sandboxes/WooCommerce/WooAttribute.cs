namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>A custom (non-taxonomy) product attribute: a name and its options.</summary>
public sealed record WooAttribute(string Name, IReadOnlyList<string> Options);
