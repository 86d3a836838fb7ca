using System.Text.Json.Serialization;

namespace ErpBridge.Bench;

/// <summary>Source-generated JSON metadata for the report types.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LoadSummary))]
[JsonSerializable(typeof(CompareReport))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
