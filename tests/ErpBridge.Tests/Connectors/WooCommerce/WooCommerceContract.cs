using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpBridge.Tests.Connectors.BigCommerce;
using ErpBridge.Tests.Support;
using Json.Schema;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>
/// Checks requests against the community OpenAPI file for wc/v3 (<c>../shared/contracts/woocommerce/</c>): the
/// operation exists, its query parameters are declared and their values fit the declaration (OAuth's oauth_* parameters excepted), and the JSON body
/// validates against the operation's schema, read as JSON Schema 2020-12. Reports the calling test skipped when the
/// contracts folder is absent.
/// </summary>
public static class WooCommerceContract
{
    private const string FileName = "woocommerce-rest-api-v3.openapi.yml";

    private static readonly Lazy<(JsonObject Document, JsonObject Definitions)> File = new(Load);

    /// <summary>2020-12 that lets OpenAPI's own keywords (example, x-*, ...) pass as annotations.</summary>
    private static readonly Dialect OpenApiDialect = Dialect.Draft202012.With([], new Uri("urn:erpbridge:openapi-3.0-schema:woocommerce"), refIgnoresSiblingKeywords: null, allowUnknownKeywords: true);
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>Problems with a request (empty = it matches). <paramref name="path"/> follows <c>wp-json/wc/v3/</c>, e.g. <c>products?sku=A,B</c>.</summary>
    public static IReadOnlyList<string> Validate(string method, string path, string? jsonBody)
    {
        var (local, query) = Split(path);
        var label = $"{method.ToUpperInvariant()} {local}";
        if (Find(method, local) is not { } found)
        {
            return [$"{label}: no such operation in the published WooCommerce contract"];
        }

        var problems = new List<string>();
        var declared = Parameters(found).Where(p => (string?)p["in"] == "query").ToDictionary(p => (string)p["name"]!, StringComparer.Ordinal);
        foreach (var (name, value) in query.Where(q => !q.Key.StartsWith("oauth_", StringComparison.Ordinal)))
        {
            if (declared.TryGetValue(name, out var parameter))
            {
                problems.AddRange(Connectors.QueryParameterContract.Problems(label, name, value, parameter));
            }
            else
            {
                problems.Add($"{label}: query parameter '{name}' is not declared by the operation");
            }
        }

        var requestBody = Deref(found.Operation["requestBody"]) as JsonObject;
        if (!ContractSchemas.TryRequestSchema(requestBody, jsonBody, label, problems, out var schema))
        {
            return problems;
        }

        var built = Schemas.GetOrAdd(found.Template + " " + method, _ => Build(schema, found.Template + " " + method));
        problems.AddRange(ContractSchemas.Problems(built, jsonBody, label));
        return problems;
    }

    /// <summary>Problems with a response body (empty = it matches the operation's schema for <paramref name="status"/>).</summary>
    public static IReadOnlyList<string> ValidateResponse(string method, string path, int status, string jsonBody)
    {
        var (local, _) = Split(path);
        var label = $"{method.ToUpperInvariant()} {local} -> {status}";
        if (Find(method, local) is not { } found)
        {
            return [$"{label}: no such operation in the published WooCommerce contract"];
        }

        var response = Deref(found.Operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]) as JsonObject;
        if (response?["content"]?["application/json"]?["schema"] is not { } schema)
        {
            return [$"{label}: the contract declares no JSON body for this status"];
        }

        var built = Schemas.GetOrAdd($"{found.Template} {method} -> {status}", key => Build(schema, key));
        return ContractSchemas.Problems(built, jsonBody, label);
    }

    private static JsonSchema Build(JsonNode schemaNode, string label)
    {
        var root = Normalize(schemaNode.DeepClone()) as JsonObject ?? [];
        return ContractSchemas.Build(root, File.Value.Definitions, new Uri($"urn:woocommerce-contract:{Uri.EscapeDataString(label)}"), OpenApiDialect);
    }

    /// <summary>OpenAPI 3.0 schema → JSON Schema 2020-12: component refs and nullable.</summary>
    private static JsonNode? Normalize(JsonNode? node) => ContractSchemas.Normalize(node, "#/components/schemas/", DialectRules);

    private static void DialectRules(JsonObject map)
    {
        if (map["nullable"] is JsonValue nullable && nullable.GetValueKind() == JsonValueKind.True && map["type"] is JsonValue type)
        {
            map["type"] = new JsonArray(type.GetValue<string>(), "null");
        }
    }

    private static IEnumerable<JsonObject> Parameters(FoundOperation found) =>
        (found.PathItem["parameters"] as JsonArray ?? []).Concat(found.Operation["parameters"] as JsonArray ?? [])
            .Select(Deref).OfType<JsonObject>();

    private static JsonNode? Deref(JsonNode? node) => ContractSchemas.Deref(File.Value.Document, node);

    /// <summary>The operation for a concrete path; a literal segment (products/batch) wins over a placeholder (products/{productId}).</summary>
    private static FoundOperation? Find(string method, string path)
    {
        var local = path.Split('/');
        return File.Value.Document["paths"]!.AsObject()
            .Select(p => (Template: p.Key, Item: p.Value as JsonObject, Parts: p.Key.Split('/')))
            .Where(p => p.Item?[method.ToLowerInvariant()] is JsonObject && p.Parts.Length == local.Length
                && p.Parts.Zip(local).All(s => s.First == s.Second || (s.First.StartsWith('{') && s.First.EndsWith('}') && s.Second.Length > 0)))
            .OrderByDescending(p => p.Parts.Zip(local).Count(s => s.First == s.Second))
            .Select(p => new FoundOperation(p.Template, p.Item!, (JsonObject)p.Item![method.ToLowerInvariant()]!))
            .FirstOrDefault();
    }

    private static (string Path, Dictionary<string, string> Query) Split(string path) => ContractSchemas.SplitPathAndQuery(path, trimEnd: true);

    private static (JsonObject Document, JsonObject Definitions) Load()
    {
        var folder = SharedContracts.RequireFolder("woocommerce");
        var document = YamlJson.Read(Path.Combine(folder, FileName))!.AsObject();
        var definitions = Normalize(document["components"]?["schemas"]?.DeepClone()) as JsonObject ?? [];
        return (document, definitions);
    }

    private sealed record FoundOperation(string Template, JsonObject PathItem, JsonObject Operation);
}
