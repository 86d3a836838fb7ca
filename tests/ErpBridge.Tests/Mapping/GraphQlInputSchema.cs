using System.Text.Json;
using System.Text.RegularExpressions;

namespace ErpBridge.Tests.Mapping;

/// <summary>
/// Just enough of a GraphQL SDL reader to check request variables against the published schema: input types with
/// their fields, enums with their values, and which mutations and directives exist.
/// </summary>
internal sealed partial class GraphQlInputSchema
{
    private readonly Dictionary<string, Dictionary<string, string>> inputs = [];
    private readonly Dictionary<string, HashSet<string>> enums = [];
    private readonly HashSet<string> mutations = [];
    private readonly HashSet<string> directives = [];

    public GraphQlInputSchema(string sdl)
    {
        var text = DocString().Replace(sdl, "");
        text = LineString().Replace(text, "");
        foreach (Match block in Block().Matches(text))
        {
            var (kind, name, body) = (block.Groups[1].Value, block.Groups[2].Value, block.Groups[3].Value);
            switch (kind)
            {
                case "input":
                    inputs[name] = InputField().Matches(body).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
                    break;
                case "enum":
                    enums[name] = [.. EnumValue().Matches(body).Select(m => m.Groups[1].Value)];
                    break;
                case "type" when name == "Mutation":
                    mutations.UnionWith(FieldName().Matches(body).Select(m => m.Groups[1].Value));
                    break;
            }
        }

        directives.UnionWith(Directive().Matches(text).Select(m => m.Groups[1].Value));
    }

    public bool HasMutation(string name) => mutations.Contains(name);

    public bool HasDirective(string name) => directives.Contains(name);

    /// <summary>Problems with <paramref name="value"/> as a value of GraphQL type <paramref name="type"/> (e.g. <c>[Foo!]!</c>).</summary>
    public IEnumerable<string> Check(JsonElement value, string type, string path)
    {
        var nonNull = type.EndsWith('!');
        var bare = nonNull ? type[..^1] : type;
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (nonNull)
            {
                yield return $"{path}: null for non-null {type}";
            }

            yield break;
        }

        if (bare.StartsWith('['))
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                yield return $"{path}: {type} needs an array";
                yield break;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                foreach (var problem in Check(item, bare[1..^1], $"{path}[{index++}]"))
                {
                    yield return problem;
                }
            }

            yield break;
        }

        if (inputs.TryGetValue(bare, out var fields))
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                yield return $"{path}: {bare} needs an object";
                yield break;
            }

            foreach (var property in value.EnumerateObject())
            {
                if (!fields.TryGetValue(property.Name, out var fieldType))
                {
                    yield return $"{path}.{property.Name}: {bare} has no field '{property.Name}'";
                    continue;
                }

                foreach (var problem in Check(property.Value, fieldType, $"{path}.{property.Name}"))
                {
                    yield return problem;
                }
            }

            foreach (var (name, fieldType) in fields.Where(f => f.Value.EndsWith('!')))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    yield return $"{path}: {bare} requires '{name}' ({fieldType})";
                }
            }

            yield break;
        }

        if (enums.TryGetValue(bare, out var values))
        {
            if (value.ValueKind != JsonValueKind.String || !values.Contains(value.GetString()!))
            {
                yield return $"{path}: {value} is not a {bare} ({string.Join(", ", values)})";
            }

            yield break;
        }

        var ok = bare switch
        {
            "String" or "ID" or "Money" or "Decimal" or "URL" or "DateTime" => value.ValueKind == JsonValueKind.String,
            "Int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            "Float" => value.ValueKind == JsonValueKind.Number,
            "Boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => false,
        };
        if (!ok)
        {
            yield return $"{path}: {value.GetRawText()} is not a {bare}";
        }
    }

    /// <summary>The variables a GraphQL operation declares: name → type.</summary>
    public static Dictionary<string, string> Variables(string query) =>
        VariableDeclaration().Matches(query).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"")]
    private static partial Regex DocString();

    [GeneratedRegex("^\\s*\"[^\\n]*\"\\s*$", RegexOptions.Multiline)]
    private static partial Regex LineString();

    [GeneratedRegex("^(input|enum|type)\\s+(\\w+)[^{\\n]*\\{([^}]*)\\}", RegexOptions.Multiline)]
    private static partial Regex Block();

    [GeneratedRegex("^\\s+(\\w+)\\s*:\\s*([\\w\\[\\]!]+)", RegexOptions.Multiline)]
    private static partial Regex InputField();

    [GeneratedRegex("^\\s+([A-Z][A-Z0-9_]*)\\b", RegexOptions.Multiline)]
    private static partial Regex EnumValue();

    [GeneratedRegex("^  (\\w+)\\s*[(:]", RegexOptions.Multiline)]
    private static partial Regex FieldName();

    [GeneratedRegex("^directive @(\\w+)", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex("\\$(\\w+)\\s*:\\s*([\\w\\[\\]!]+)")]
    private static partial Regex VariableDeclaration();
}
