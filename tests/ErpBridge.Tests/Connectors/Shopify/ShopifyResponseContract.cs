using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>
/// Checks a GraphQL answer's <c>data</c> against the published schema and the document that asked for it: every
/// selected field is present and nothing else, non-null fields are not null, lists are arrays, enum values are the
/// published ones, and scalars have Shopify's wire format (DateTime in UTC with 'Z', Decimal and UnsignedInt64 as strings).
/// </summary>
public static partial class ShopifyResponseContract
{
    /// <summary>Where <paramref name="data"/> departs from what <paramref name="document"/> (one operation, no fragments) must return; empty when it conforms.</summary>
    public static IReadOnlyList<string> Check(string document, JsonElement data)
    {
        var operation = GraphQLParser.Parser.Parse(document).Definitions.OfType<GraphQLOperationDefinition>().Single();
        var problems = new List<string>();
        CheckObject((IComplexGraphType)ShopifyContract.Schema.Query!, operation.SelectionSet, data, "data", problems);
        return problems;
    }

    private static void CheckObject(IComplexGraphType type, GraphQLSelectionSet selections, JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected a {type.Name} object, got {value.ValueKind}");
            return;
        }

        var fields = selections.Selections.OfType<GraphQLField>().ToList();
        foreach (var field in fields)
        {
            var name = field.Name.StringValue;
            var key = field.Alias?.Name.StringValue ?? name;
            if (!value.TryGetProperty(key, out var fieldValue))
            {
                problems.Add($"{path}.{key}: selected but missing");
                continue;
            }

            if (name == "__typename")
            {
                continue;
            }

            if (type.GetField(name) is not { } definition)
            {
                problems.Add($"{path}.{key}: {type.Name} has no field {name}");
                continue;
            }

            CheckValue(definition.ResolvedType!, field.SelectionSet, fieldValue, $"{path}.{key}", problems);
        }

        problems.AddRange(value.EnumerateObject()
            .Where(p => !fields.Any(f => (f.Alias?.Name.StringValue ?? f.Name.StringValue) == p.Name))
            .Select(p => $"{path}.{p.Name}: returned but not selected"));
    }

    private static void CheckValue(IGraphType type, GraphQLSelectionSet? selections, JsonElement value, string path, List<string> problems)
    {
        if (type is NonNullGraphType nonNull)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                problems.Add($"{path}: null where the schema says {type}");
                return;
            }

            CheckValue(nonNull.ResolvedType!, selections, value, path, problems);
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        switch (type)
        {
            case ListGraphType list when value.ValueKind != JsonValueKind.Array:
                problems.Add($"{path}: expected a list, got {value.ValueKind}");
                break;
            case ListGraphType list:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckValue(list.ResolvedType!, selections, item, $"{path}[{i++}]", problems);
                }

                break;
            case IComplexGraphType complex:
                CheckObject(complex, selections!, value, path, problems);
                break;
            case EnumerationGraphType enumeration when value.ValueKind != JsonValueKind.String || enumeration.Values.FindByName(value.GetString()!) is null:
                problems.Add($"{path}: '{value}' is not a {enumeration.Name} value");
                break;
            case ScalarGraphType scalar when !ScalarConforms(scalar.Name, value):
                problems.Add($"{path}: '{value}' ({value.ValueKind}) is not a {scalar.Name} as Shopify writes it");
                break;
        }
    }

    private static bool ScalarConforms(string scalar, JsonElement value) => scalar switch
    {
        "Boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "Int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        "Float" => value.ValueKind == JsonValueKind.Number,
        "DateTime" => value.ValueKind == JsonValueKind.String && UtcDateTime().IsMatch(value.GetString()!),
        "Decimal" or "Money" => value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "UnsignedInt64" => value.ValueKind == JsonValueKind.String && ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _),
        _ => value.ValueKind == JsonValueKind.String,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex UtcDateTime();
}
