using System.Text.RegularExpressions;

namespace ErpBridge.Tests.Mapping;

/// <summary>
/// Reads property names and required lists of one schema under <c>components/schemas</c> of an OpenAPI YAML file,
/// by indentation (the published BigCommerce files are consistently indented), following <c>$ref</c>s in it.
/// </summary>
internal static partial class OpenApiSchemaText
{
    public static (HashSet<string> Properties, HashSet<string> Required) Schema(string yaml, string name)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.IndexOf(lines, $"    {name}:");
        if (start < 0)
        {
            throw new InvalidOperationException($"No schema {name} in the contract.");
        }

        var block = lines.Skip(start + 1).TakeWhile(l => l.Length == 0 || l.StartsWith("     ", StringComparison.Ordinal)).ToList();
        var properties = new HashSet<string>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var section = "";
        foreach (var line in block)
        {
            var indent = line.Length - line.TrimStart().Length;
            var trimmed = line.Trim();
            if (indent == 6)
            {
                section = trimmed;
                continue;
            }

            if (section == "properties:" && indent == 8 && PropertyKey().Match(line) is { Success: true } property)
            {
                properties.Add(property.Groups[1].Value);
            }
            else if (section == "required:" && indent == 8 && trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                required.Add(trimmed[2..]);
            }
        }

        // Only the schema's own allOf members count; $refs deeper down describe nested objects.
        foreach (var reference in block.Where(l => l.StartsWith("        - $ref:", StringComparison.Ordinal)).Select(l => Reference().Match(l)).Where(m => m.Success))
        {
            var (moreProperties, moreRequired) = Schema(yaml, reference.Groups[1].Value);
            properties.UnionWith(moreProperties);
            required.UnionWith(moreRequired);
        }

        return (properties, required);
    }

    /// <summary>Every property name declared anywhere in the schema's block, nested alternatives included.</summary>
    public static HashSet<string> AllPropertyNames(string yaml, string name)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.IndexOf(lines, $"    {name}:");
        if (start < 0)
        {
            throw new InvalidOperationException($"No schema {name} in the contract.");
        }

        return [.. lines.Skip(start + 1)
            .TakeWhile(l => l.Length == 0 || l.StartsWith("     ", StringComparison.Ordinal))
            .Select(l => PropertyKey().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("^\\s+([a-z_][a-z0-9_]*):\\s*$")]
    private static partial Regex PropertyKey();

    [GeneratedRegex("\\$ref: '#/components/schemas/([\\w]+)'")]
    private static partial Regex Reference();
}
