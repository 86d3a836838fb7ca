using System.Globalization;
using System.Text.Json;
using ErpBridge.Tests.Connectors.BigCommerce;

namespace ErpBridge.Tests.Connectors.Api2Cart;

/// <summary>
/// API2Cart's published OpenAPI 3.1 file (<c>../shared/contracts/api2cart/openapi.json</c>) as a checker: a request's
/// method, query parameters and JSON body, and an answer's body, against the operation <c>/{method}.json</c> declares.
/// Objects are checked strictly (a property the schema does not name is a problem, so a map or the sandbox cannot
/// drift from the contract unnoticed); types follow the schema's <c>type</c> (also as a list with "null"), <c>anyOf</c>,
/// <c>oneOf</c>, <c>allOf</c>, <c>$ref</c>, <c>enum</c>, <c>required</c> and array sizes.
/// </summary>
internal sealed class Api2CartContract
{
    private readonly JsonDocument document;

    private Api2CartContract(JsonDocument document) => this.document = document;

    public static Api2CartContract Load() =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedContracts.RequireFolder("api2cart"), "openapi.json"))));

    /// <summary>Problems with a request: <paramref name="query"/> starts with '?' when present.</summary>
    public IReadOnlyList<string> CheckRequest(string verb, string method, string query, string? body)
    {
        if (Operation(verb, method) is not { } operation)
        {
            return [$"{verb} /{method} is not in the contract"];
        }

        var problems = new List<string>();
        var declared = operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(Resolve).ToDictionary(p => p.GetProperty("name").GetString()!, p => p)
            : [];
        var sent = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "");
        foreach (var (name, value) in sent)
        {
            if (!declared.TryGetValue(name, out var parameter))
            {
                problems.Add($"query parameter '{name}' is not declared for {verb} /{method}");
            }
            else if (Resolve(parameter.GetProperty("schema")).TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && type.GetString() == "integer" && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"query parameter '{name}' = '{value}' is not an integer");
            }
        }

        problems.AddRange(declared.Where(p => p.Value.TryGetProperty("required", out var required) && required.GetBoolean() && !sent.ContainsKey(p.Key))
            .Select(p => $"required query parameter '{p.Key}' is missing"));
        if (operation.TryGetProperty("requestBody", out var requestBody))
        {
            if (body is null)
            {
                problems.Add($"{verb} /{method} wants a body");
            }
            else
            {
                using var json = JsonDocument.Parse(body);
                problems.AddRange(Check(json.RootElement, Resolve(requestBody).GetProperty("content").GetProperty("application/json").GetProperty("schema"), "body"));
            }
        }
        else if (body is not null)
        {
            problems.Add($"{verb} /{method} takes no body");
        }

        return problems;
    }

    /// <summary>Problems with an answer's body against the operation's 200 response.</summary>
    public IReadOnlyList<string> CheckResponse(string verb, string method, string body)
    {
        if (Operation(verb, method) is not { } operation)
        {
            return [$"{verb} /{method} is not in the contract"];
        }

        var schema = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        using var json = JsonDocument.Parse(body);
        return [.. Check(json.RootElement, schema, "answer")];
    }

    /// <summary>Problems with a JSON value against a schema, by JSON path.</summary>
    public IEnumerable<string> Check(JsonElement value, JsonElement schema, string path)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("anyOf", out var anyOf) || schema.TryGetProperty("oneOf", out anyOf))
        {
            var alternatives = anyOf.EnumerateArray().Select(s => Check(value, s, path).ToList()).ToList();
            if (alternatives.All(a => a.Count > 0))
            {
                yield return $"{path}: matches none of its alternatives ({string.Join(" | ", alternatives.Select(a => a[0]))})";
            }

            yield break;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var problem in allOf.EnumerateArray().SelectMany(s => Check(value, s, path)))
            {
                yield return problem;
            }
        }

        var types = schema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!]
            : [];
        if (types.Count > 0 && !types.Any(t => IsType(value, t)))
        {
            yield return $"{path}: {value.ValueKind} where the contract says {string.Join(" or ", types)}";
            yield break;
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetRawText() == value.GetRawText()))
        {
            yield return $"{path}: {value.GetRawText()} is not one of {values.GetRawText()}";
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    foreach (var problem in Check(property.Value, propertySchema, $"{path}.{property.Name}"))
                    {
                        yield return problem;
                    }
                }
                else if (properties.ValueKind == JsonValueKind.Object)
                {
                    yield return $"{path}.{property.Name} is not in the contract";
                }
            }

            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                {
                    yield return $"{path}.{name} is required";
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var length = value.GetArrayLength();
            if (schema.TryGetProperty("maxItems", out var max) && length > max.GetInt32())
            {
                yield return $"{path}: {length} items, at most {max.GetInt32()}";
            }

            if (schema.TryGetProperty("minItems", out var min) && length < min.GetInt32())
            {
                yield return $"{path}: {length} items, at least {min.GetInt32()}";
            }

            if (schema.TryGetProperty("items", out var items))
            {
                var index = 0;
                foreach (var problem in value.EnumerateArray().SelectMany(item => Check(item, items, $"{path}[{index++}]")))
                {
                    yield return problem;
                }
            }
        }
    }

    private JsonElement? Operation(string verb, string method) =>
        document.RootElement.GetProperty("paths").TryGetProperty("/" + method, out var path) && path.TryGetProperty(verb.ToLowerInvariant(), out var operation)
            ? operation
            : null;

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            schema = reference.GetString()!.TrimStart('#', '/').Split('/').Aggregate(document.RootElement, (node, part) => node.GetProperty(part));
        }

        return schema;
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };
}
