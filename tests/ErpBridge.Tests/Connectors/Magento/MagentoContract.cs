using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ErpBridge.Tests.Connectors.BigCommerce;
using ErpBridge.Tests.Support;
using Json.Schema;

namespace ErpBridge.Tests.Connectors.Magento;

/// <summary>
/// Checks requests and responses against Adobe's published admin REST contract (Swagger 2.0,
/// <c>../shared/contracts/magento/admin-schema-2.4.9.yaml</c>): the operation exists under its path template, its query
/// parameters are declared, and the JSON body validates against the operation's body parameter schema in
/// <c>definitions</c>. Objects that list their properties are read as closed, so a field the contract does not know is
/// reported. Reports the calling test skipped when the contracts folder is absent.
/// </summary>
public static partial class MagentoContract
{
    private static readonly Lazy<JsonObject> Document = new(Load);
    private static readonly Lazy<JsonObject> Definitions = new(() => Normalize(Document.Value["definitions"]!.DeepClone()) as JsonObject ?? []);
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>2020-12 that lets Swagger's own keywords (example, xml, x-*, ...) pass as annotations.</summary>
    private static readonly Dialect SwaggerDialect = Dialect.Draft202012.With([], new Uri("urn:erpbridge:swagger-2.0-schema"), refIgnoresSiblingKeywords: null, allowUnknownKeywords: true);

    /// <summary>
    /// Problems with a request (empty = it matches the contract). <paramref name="path"/> follows the store code, e.g.
    /// <c>V1/products/SKU-1</c> or <c>V1/products?searchCriteria[...]=...</c> (the leading '/' is optional).
    /// </summary>
    public static IReadOnlyList<string> Validate(string method, string path, string? jsonBody)
    {
        var (local, query) = Split(path);
        var label = $"{method.ToUpperInvariant()} {local}";
        if (Find(method, local) is not { } operation)
        {
            return [$"{label}: no such operation in the published Magento admin contract"];
        }

        var problems = new List<string>();
        var parameters = (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var declared = parameters.Where(p => (string?)p["in"] == "query").ToDictionary(p => (string)p["name"]!, StringComparer.Ordinal);
        foreach (var (name, value) in query)
        {
            if (declared.TryGetValue(SwaggerQueryName(name), out var parameter))
            {
                problems.AddRange(Connectors.QueryParameterContract.Problems(label, name, value, parameter));
            }
            else
            {
                problems.Add($"{label}: query parameter '{name}' is not declared by the operation");
            }
        }

        var body = parameters.FirstOrDefault(p => (string?)p["in"] == "body");
        if (body?["schema"] is not { } schema)
        {
            if (jsonBody is not null)
            {
                problems.Add($"{label}: the operation takes no body, but one was sent");
            }

            return problems;
        }

        if (jsonBody is null)
        {
            if ((bool?)body["required"] == true)
            {
                problems.Add($"{label}: the operation requires a JSON body");
            }

            return problems;
        }

        problems.AddRange(Check($"{label} request", schema, jsonBody));
        return problems;
    }

    /// <summary>Problems with a response body for <paramref name="status"/>; empty when it matches (or the contract gives no schema for it).</summary>
    public static IReadOnlyList<string> ValidateResponse(string method, string path, int status, string jsonBody)
    {
        var (local, _) = Split(path);
        var label = $"{method.ToUpperInvariant()} {local} {status}";
        if (Find(method, local) is not { } operation)
        {
            return [$"{label}: no such operation in the published Magento admin contract"];
        }

        var responses = operation["responses"] as JsonObject;
        var response = responses?[status.ToString(CultureInfo.InvariantCulture)] ?? responses?["default"];
        return response?["schema"] is { } schema ? Check(label, schema, jsonBody) : [];
    }

    private static List<string> Check(string label, JsonNode schemaNode, string json)
    {
        var schema = Schemas.GetOrAdd(label, _ => Build(label, schemaNode));
        return ContractSchemas.Problems(schema, json, label);
    }

    private static JsonSchema Build(string label, JsonNode schemaNode)
    {
        var root = Normalize(schemaNode.DeepClone()) as JsonObject ?? [];
        return ContractSchemas.Build(root, Definitions.Value, new Uri($"urn:magento-contract:{Uri.EscapeDataString(label)}"), SwaggerDialect);
    }

    /// <summary>Swagger 2.0 schema → JSON Schema 2020-12: definition refs, and objects with listed properties closed.</summary>
    private static JsonNode? Normalize(JsonNode? node) => ContractSchemas.Normalize(node, "#/definitions/", DialectRules);

    private static void DialectRules(JsonObject map)
    {
        if (map["properties"] is JsonObject && map["additionalProperties"] is null && (string?)map["type"] == "object")
        {
            map["additionalProperties"] = false;
        }
    }

    private static JsonObject? Find(string method, string path)
    {
        var local = path.Split('/');
        foreach (var (template, item) in Document.Value["paths"]!.AsObject())
        {
            var parts = template.Split('/');
            if (parts.Length == local.Length
                && parts.Zip(local).All(p => p.First == p.Second || (p.First.StartsWith('{') && p.First.EndsWith('}') && p.Second.Length > 0))
                && item?[method.ToLowerInvariant()] is JsonObject operation)
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>The contract spells search criteria in camelCase with index 0 (<c>searchCriteria[filterGroups][0][filters][0][conditionType]</c>); Magento takes either case and any index.</summary>
    private static string SwaggerQueryName(string name) =>
        Index().Replace(name, "[0]")
            .Replace("[filter_groups]", "[filterGroups]", StringComparison.Ordinal)
            .Replace("[condition_type]", "[conditionType]", StringComparison.Ordinal)
            .Replace("[sort_orders]", "[sortOrders]", StringComparison.Ordinal)
            .Replace("[page_size]", "[pageSize]", StringComparison.Ordinal)
            .Replace("[current_page]", "[currentPage]", StringComparison.Ordinal);

    private static (string Path, List<(string Name, string Value)> Query) Split(string path)
    {
        var question = path.IndexOf('?', StringComparison.Ordinal);
        var local = "/" + (question < 0 ? path : path[..question]).TrimStart('/');
        var query = question < 0
            ? []
            : path[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Select(pair => (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : ""))
                .ToList();
        return (local, query);
    }

    private static JsonObject Load()
    {
        var folder = SharedContracts.RequireFolder("magento");
        return YamlJson.Read(Path.Combine(folder, "admin-schema-2.4.9.yaml"))!.AsObject();
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
