namespace ErpBridge.Tests.Support;

/// <summary>One product as a canonical SubmitProducts message carries it (price in EUR).</summary>
public sealed record CanonicalProduct(string Sku, string Title, decimal Price, string Status = "active", string? Description = null, decimal? WeightKg = null);
