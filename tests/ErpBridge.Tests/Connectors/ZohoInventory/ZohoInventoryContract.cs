using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpBridge.Tests.Connectors.BigCommerce;
using ErpBridge.Tests.Support;
using Json.Schema;

namespace ErpBridge.Tests.Connectors.ZohoInventory;

/// <summary>
/// Checks requests and responses against Zoho's own OpenAPI files (<c>../shared/contracts/zoho-inventory/*.yml</c>): the
/// operation exists, its query parameters are declared (organization_id among them) and fit their declaration, and the
/// JSON body validates against the operation's schema. The files document only 200 answers; an error answer is checked
/// for Zoho's envelope instead (<c>code</c> a non-zero integer, <c>message</c> a string). Reports the calling test
/// skipped when the contracts folder is absent.
/// </summary>
public static class ZohoInventoryContract
{
    private static readonly Lazy<IReadOnlyList<ContractFile>> Files = new(Load);
    private static readonly Dialect OpenApiDialect = Dialect.Draft202012.With([], new Uri("urn:erpbridge:openapi-3.0-schema"), refIgnoresSiblingKeywords: null, allowUnknownKeywords: true);
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>Problems with a request; <paramref name="pathAfterV1"/> is e.g. <c>items?sku=A&amp;organization_id=1</c>.</summary>
    public static IReadOnlyList<string> Validate(string method, string pathAfterV1, string? jsonBody)
    {
        var (path, query) = Split(pathAfterV1);
        var label = $"{method.ToUpperInvariant()} {path}";
        if (Find(method, path) is not { } found)
        {
            return [$"{label}: no such operation in the published Zoho Inventory contracts"];
        }

        var problems = new List<string>();
        var declared = Parameters(found).Where(p => (string?)p["in"] == "query").ToDictionary(p => (string)p["name"]!, StringComparer.Ordinal);
        foreach (var (name, value) in query)
        {
            if (declared.TryGetValue(name, out var parameter))
            {
                problems.AddRange(QueryParameterContract.Problems(label, name, value, parameter));
            }
            else
            {
                problems.Add($"{label}: query parameter '{name}' is not declared by the operation");
            }
        }

        problems.AddRange(declared.Values.Where(p => (bool?)p["required"] == true && !query.ContainsKey((string)p["name"]!))
            .Select(p => $"{label}: required query parameter '{p["name"]}' is missing"));
        var requestBody = ContractSchemas.Deref(found.File.Document, found.Operation["requestBody"]) as JsonObject;
        if (!ContractSchemas.TryRequestSchema(requestBody, jsonBody, label, problems, out var schema))
        {
            return problems;
        }

        problems.AddRange(Check(found.File, $"{label} request", schema, jsonBody));
        return problems;
    }

    /// <summary>Problems with an answer: a 200 against the operation's schema, any other status against Zoho's error envelope.</summary>
    public static IReadOnlyList<string> ValidateResponse(string method, string pathAfterV1, int status, string jsonBody)
    {
        var (path, _) = Split(pathAfterV1);
        var label = $"{method.ToUpperInvariant()} {path} {status}";
        if (status != 200)
        {
            return JsonNode.Parse(jsonBody) is JsonObject error && error["code"] is JsonValue code && code.GetValueKind() == JsonValueKind.Number
                && code.GetValue<long>() != 0 && error["message"] is JsonValue message && message.GetValueKind() == JsonValueKind.String
                ? []
                : [$"{label}: an error answer is not Zoho's {{code, message}} envelope: {jsonBody}"];
        }

        if (Find(method, path) is not { } found)
        {
            return [$"{label}: no such operation in the published Zoho Inventory contracts"];
        }

        var response = ContractSchemas.Deref(found.File.Document, (found.Operation["responses"] as JsonObject)?["200"]);
        var schema = (response?["content"] as JsonObject)?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value?["schema"];
        return schema is null ? [$"{label}: the operation documents no JSON answer"] : Check(found.File, label, schema, jsonBody);
    }

    private static List<string> Check(ContractFile file, string label, JsonNode schemaNode, string json)
    {
        var schema = Schemas.GetOrAdd($"{file.Name}|{label}", _ =>
        {
            var root = Normalize(schemaNode.DeepClone()) as JsonObject ?? new JsonObject();
            return ContractSchemas.Build(root, file.Definitions, new Uri($"urn:zoho-contract:{Uri.EscapeDataString(file.Name + "|" + label)}"), OpenApiDialect);
        });
        return ContractSchemas.Problems(schema, json, label);
    }

    private static JsonNode? Normalize(JsonNode? node) => ContractSchemas.Normalize(node, "#/components/schemas/", map =>
    {
        if (map["nullable"] is JsonValue nullable && nullable.GetValueKind() == JsonValueKind.True && map["type"] is JsonValue type)
        {
            map["type"] = new JsonArray(type.GetValue<string>(), "null");
        }
    });

    private static IEnumerable<JsonObject> Parameters(FoundOperation found) =>
        (found.PathItem["parameters"] as JsonArray ?? []).Concat(found.Operation["parameters"] as JsonArray ?? [])
            .Select(p => ContractSchemas.Deref(found.File.Document, p)).OfType<JsonObject>();

    private static FoundOperation? Find(string method, string path)
    {
        var local = path.Split('/');
        foreach (var file in Files.Value)
        {
            if (ContractSchemas.MatchOperation(file.Document, method, local) is var (item, operation))
            {
                return new FoundOperation(file, item, operation);
            }
        }

        return null;
    }

    private static (string Path, Dictionary<string, string> Query) Split(string pathAfterV1) => ContractSchemas.SplitPathAndQuery(pathAfterV1);

    private static List<ContractFile> Load()
    {
        var folder = SharedContracts.RequireFolder("zoho-inventory");
        return Directory.GetFiles(folder, "*.yml").Order(StringComparer.Ordinal).Select(path =>
        {
            var document = YamlJson.Read(path)!.AsObject();
            var definitions = Normalize(document["components"]?["schemas"]?.DeepClone()) as JsonObject ?? [];
            return new ContractFile(Path.GetFileName(path), document, definitions);
        }).ToList();
    }

    private sealed record ContractFile(string Name, JsonObject Document, JsonObject Definitions);

    private sealed record FoundOperation(ContractFile File, JsonObject PathItem, JsonObject Operation);
}
