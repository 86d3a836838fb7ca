namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>A product custom field (name/value pair shown on the storefront).</summary>
public sealed record SandboxCustomField(int Id, string Name, string Value);
