using System.Diagnostics.CodeAnalysis;
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
    /// <summary>
    /// A request's path relative to the API's base, as the contract's path template matches it (one leading '/', a
    /// trailing one kept unless <paramref name="trimEnd"/>), and its query parameters unescaped.
    /// </summary>
    public static (string Path, Dictionary<string, string> Query) SplitPathAndQuery(string relative, bool trimEnd = false)
    {
        var question = relative.IndexOf('?', StringComparison.Ordinal);
        var bare = question < 0 ? relative : relative[..question];
        var path = "/" + (trimEnd ? bare.Trim('/') : bare.TrimStart('/'));
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in relative[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                query[Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals])] = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return (path, query);
    }

    /// <summary>
    /// The path item and operation of <paramref name="document"/> whose path template matches the request's path
    /// (relative to the API's base, split on '/'), a <c>{parameter}</c> matching any non-empty segment; null if none.
    /// </summary>
    public static (JsonObject PathItem, JsonObject Operation)? MatchOperation(JsonNode document, string method, string[] local)
    {
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var parts = template.Split('/');
            if (parts.Length == local.Length
                && parts.Zip(local).All(p => p.First == p.Second || (p.First.StartsWith('{') && p.First.EndsWith('}') && p.Second.Length > 0))
                && item?[method.ToLowerInvariant()] is JsonObject operation)
            {
                return (item.AsObject(), operation);
            }
        }

        return null;
    }

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

    /// <summary>Follows local <c>$ref</c> pointers (<c>#/components/...</c>, JSON-pointer escaped) within <paramref name="document"/> to the node they name.</summary>
    public static JsonNode? Deref(JsonNode document, JsonNode? node)
    {
        while (node?["$ref"] is JsonValue reference)
        {
            node = document;
            foreach (var segment in reference.GetValue<string>().TrimStart('#', '/').Split('/'))
            {
                node = node?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
        }

        return node;
    }

    /// <summary>
    /// The JSON schema a request body must match, when there is a body to check against one: otherwise false, and a body
    /// sent to an operation that takes none, or none sent where one is required, is added to <paramref name="problems"/>.
    /// </summary>
    public static bool TryRequestSchema(
        JsonObject? requestBody, [NotNullWhen(true)] string? jsonBody, string label, List<string> problems, [NotNullWhen(true)] out JsonNode? schema)
    {
        schema = requestBody?["content"]?["application/json"]?["schema"];
        if (schema is null)
        {
            if (jsonBody is not null)
            {
                problems.Add($"{label}: the operation takes no JSON body, but one was sent");
            }

            return false;
        }

        if (jsonBody is null)
        {
            if ((bool?)requestBody!["required"] == true)
            {
                problems.Add($"{label}: the operation requires a JSON body");
            }

            return false;
        }

        return true;
    }
}
