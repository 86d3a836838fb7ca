namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>A custom field as sent; <see cref="Id"/> names an existing one to change (PUT only).</summary>
internal sealed record CustomFieldInput(int? Id, string Name, string Value);
