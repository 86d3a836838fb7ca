namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>An inventory location.</summary>
public sealed record SandboxLocation(int Id, string Code, string Label);
