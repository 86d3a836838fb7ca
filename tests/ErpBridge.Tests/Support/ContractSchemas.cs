using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ErpBridge.Tests.Support;

/// <summary>
/// Building and applying the JSON Schemas taken from the platforms' published contracts, one way for every platform;
/// turning a contract's own dialect (OpenAPI 3.0, Swagger 2.0) into JSON Schema stays with each platform.
/// </summary>
public static class ContractSchemas
{
    /// <summary>A schema from a normalised contract schema, with the contract's definitions as <c>$defs</c>, under a URN of its own.</summary>
    public static JsonSchema Build(JsonObject root, JsonNode definitions, Uri id, Dialect dialect)
    {
        root["$defs"] = definitions.DeepClone();
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = dialect }, id);
    }

    /// <summary>Every way <paramref name="json"/> breaks <paramref name="schema"/>, each prefixed with <paramref name="label"/>; empty when it fits.</summary>
    public static List<string> Problems(JsonSchema schema, string json, string label)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{label}: {d.InstanceLocation} {e.Key}: {e.Value}"))
            .Distinct()
            .DefaultIfEmpty($"{label}: the body does not match the schema")
            .ToList();
    }
}
