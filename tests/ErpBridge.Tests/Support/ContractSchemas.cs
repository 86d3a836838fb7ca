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

    /// <summary>
    /// Rewrites a contract schema for JSON Schema 2020-12, depth first: refs under <paramref name="definitionsPrefix"/>
    /// point into <c>$defs</c>, then <paramref name="dialectRules"/> (the platform's own) rewrite each object.
    /// </summary>
    public static JsonNode? Normalize(JsonNode? node, string definitionsPrefix, Action<JsonObject> dialectRules)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Normalize(array[i]?.DeepClone(), definitionsPrefix, dialectRules);
                }

                return array;
            case JsonObject map:
                foreach (var key in map.Select(p => p.Key).ToList())
                {
                    // Inside "properties" the keys are field names, not keywords; their values are schemas.
                    map[key] = Normalize(map[key]?.DeepClone(), definitionsPrefix, dialectRules);
                }

                if (map["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith(definitionsPrefix, StringComparison.Ordinal))
                {
                    map["$ref"] = "#/$defs/" + reference.GetValue<string>()[definitionsPrefix.Length..];
                }

                dialectRules(map);
                return map;
            default:
                return node;
        }
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
