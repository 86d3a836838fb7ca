using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpBridge.Tests.Support;
using Json.Schema;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>
/// Checks requests and responses against BigCommerce's own OpenAPI files (<c>../shared/contracts/bigcommerce/*.yml</c>):
/// the operation exists, its query parameters are declared and their values fit the declaration, and the JSON body validates against the operation's
/// schema. OpenAPI 3.0 schemas are read as JSON Schema 2020-12 (nullable and boolean exclusive bounds translated).
/// Reports the calling test skipped when the contracts folder is absent.
/// </summary>
public static class BigCommerceContract
{
    /// <summary>
    /// Operations the connector uses that BigCommerce publishes in files not held in contracts/ (reason given), so only
    /// their presence here is checked.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PublishedElsewhere = new Dictionary<string, string>
    {
        ["GET /v3/inventory/locations"] = "BigCommerce publishes it in locations.v3.yml, which contracts/ does not hold",
    };

    private static readonly Lazy<IReadOnlyList<ContractFile>> Files = new(Load);

    /// <summary>2020-12 that lets OpenAPI's own keywords (example, x-*, discriminator, ...) pass as annotations.</summary>
    private static readonly Dialect OpenApiDialect = Dialect.Draft202012.With([], new Uri("urn:erpbridge:openapi-3.0-schema"), refIgnoresSiblingKeywords: null, allowUnknownKeywords: true);
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>Problems with a request (empty = it matches the contract). <paramref name="pathAfterStoreHash"/> is e.g. <c>v3/catalog/products/12?include_fields=id</c>.</summary>
    public static IReadOnlyList<string> Validate(string method, string pathAfterStoreHash, string? jsonBody)
    {
        var (path, query) = Split(pathAfterStoreHash);
        var label = $"{method.ToUpperInvariant()} {path}";
        if (PublishedElsewhere.ContainsKey(label))
        {
            return [];
        }

        if (Find(method, path) is not { } found)
        {
            return [$"{label}: no such operation in the published BigCommerce contracts"];
        }

        var problems = new List<string>();
        var declared = Parameters(found).Where(p => (string?)p["in"] == "query").ToDictionary(p => (string)p["name"]!, StringComparer.Ordinal);
        foreach (var (name, value) in query)
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

        var requestBody = Deref(found.File, found.Operation["requestBody"]) as JsonObject;
        if (!ContractSchemas.TryRequestSchema(requestBody, jsonBody, label, problems, out var schema))
        {
            return problems;
        }

        problems.AddRange(Check(found.File, $"{label} request", schema, jsonBody));
        return problems;
    }

    /// <summary>Problems with a response body for <paramref name="status"/>; empty when it matches (or the file gives no JSON schema for it).</summary>
    public static IReadOnlyList<string> ValidateResponse(string method, string pathAfterStoreHash, int status, string jsonBody)
    {
        var (path, _) = Split(pathAfterStoreHash);
        var label = $"{method.ToUpperInvariant()} {path} {status}";
        if (PublishedElsewhere.ContainsKey($"{method.ToUpperInvariant()} {path}"))
        {
            return [];
        }

        if (Find(method, path) is not { } found)
        {
            return [$"{label}: no such operation in the published BigCommerce contracts"];
        }

        var responses = found.Operation["responses"] as JsonObject;
        var response = Deref(found.File, responses?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses?["default"]);
        if (response is null)
        {
            return [$"{label}: the operation documents no response {status}"];
        }

        var content = response["content"] as JsonObject;
        var schema = content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value?["schema"];
        return schema is null ? [] : Check(found.File, label, schema, jsonBody);
    }

    private static List<string> Check(ContractFile file, string label, JsonNode schemaNode, string json)
    {
        var schema = Schemas.GetOrAdd($"{file.Name}|{label}", _ => Build(file, label, schemaNode));
        return ContractSchemas.Problems(schema, json, label);
    }

    private static JsonSchema Build(ContractFile file, string label, JsonNode schemaNode)
    {
        var root = Normalize(schemaNode.DeepClone()) as JsonObject ?? new JsonObject();
        return ContractSchemas.Build(root, file.Definitions, new Uri($"urn:bigcommerce-contract:{Uri.EscapeDataString(file.Name + "|" + label)}"), OpenApiDialect);
    }

    /// <summary>OpenAPI 3.0 schema → JSON Schema 2020-12: component refs, nullable (and x-nullable), boolean exclusive bounds.</summary>
    private static JsonNode? Normalize(JsonNode? node) => ContractSchemas.Normalize(node, "#/components/schemas/", DialectRules);

    private static void DialectRules(JsonObject map)
    {
        // Some inline schemas of these files say it Swagger 2's way (x-nullable), e.g. a base variant's null sku_id.
        if ((map["nullable"] ?? map["x-nullable"]) is JsonValue nullable && nullable.GetValueKind() == JsonValueKind.True && map["type"] is JsonValue type)
        {
            map["type"] = new JsonArray(type.GetValue<string>(), "null");
        }

        foreach (var (exclusive, bound) in new[] { ("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum") })
        {
            if (map[exclusive] is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                var isExclusive = flag.GetValueKind() == JsonValueKind.True;
                map.Remove(exclusive);
                if (isExclusive && map[bound] is { } value)
                {
                    map[exclusive] = value.DeepClone();
                    map.Remove(bound);
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Parameters(FoundOperation found)
    {
        var all = (found.PathItem["parameters"] as JsonArray ?? []).Concat(found.Operation["parameters"] as JsonArray ?? []);
        return all.Select(p => Deref(found.File, p)).OfType<JsonObject>();
    }

    private static JsonNode? Deref(ContractFile file, JsonNode? node) => ContractSchemas.Deref(file.Document, node);

    private static FoundOperation? Find(string method, string path)
    {
        foreach (var file in Files.Value)
        {
            if (!path.StartsWith(file.BasePath + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var local = path[file.BasePath.Length..].Split('/');
            if (ContractSchemas.MatchOperation(file.Document, method, local) is var (item, operation))
            {
                return new FoundOperation(file, item, operation);
            }
        }

        return null;
    }

    private static (string Path, Dictionary<string, string> Query) Split(string pathAfterStoreHash) => ContractSchemas.SplitPathAndQuery(pathAfterStoreHash);

    private static List<ContractFile> Load()
    {
        var folder = SharedContracts.RequireFolder("bigcommerce");
        var files = new List<ContractFile>();
        foreach (var path in Directory.GetFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            var document = YamlJson.Read(path)!.AsObject();
            var server = (string?)document["servers"]?[0]?["url"] ?? "";
            var marker = server.IndexOf("{store_hash}", StringComparison.Ordinal);
            var basePath = marker < 0 ? "" : server[(marker + "{store_hash}".Length)..].TrimEnd('/');
            var definitions = Normalize(document["components"]?["schemas"]?.DeepClone()) as JsonObject ?? [];
            files.Add(new ContractFile(Path.GetFileName(path), basePath, document, definitions));
        }

        return files;
    }

    private sealed record ContractFile(string Name, string BasePath, JsonObject Document, JsonObject Definitions);

    private sealed record FoundOperation(ContractFile File, JsonObject PathItem, JsonObject Operation);
}
