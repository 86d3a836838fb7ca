namespace ErpBridge.Connectors;

/// <summary>A reference kind and key, e.g. (product, SKU-1) or (location, WH1).</summary>
internal readonly record struct ReferenceKey(string Kind, string Key);
