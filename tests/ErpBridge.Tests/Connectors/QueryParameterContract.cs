using System.Globalization;
using System.Text.Json.Nodes;

namespace ErpBridge.Tests.Connectors;

/// <summary>
/// Checks a query parameter's value against the parameter as an OpenAPI 3 file (<c>schema</c>) or a Swagger 2 file
/// (type on the parameter itself) declares it: its type (integer, number, boolean, a date-time), its enum and bounds,
/// and for an array each comma-separated item. The platforms' REST contract checks use it beside the name check.
/// </summary>
internal static class QueryParameterContract
{
    /// <summary>What is wrong with <paramref name="value"/> for <paramref name="parameter"/>; empty when it fits.</summary>
    public static IEnumerable<string> Problems(string label, string name, string value, JsonObject parameter)
    {
        var schema = parameter["schema"] as JsonObject ?? parameter;

        // BigCommerce declares its "name:in" filters with the item's type: the value is still a comma-separated list.
        var list = (string?)schema["type"] == "array" || name.EndsWith(":in", StringComparison.Ordinal) || name.EndsWith(":not_in", StringComparison.Ordinal);
        if (list)
        {
            var items = schema["items"] as JsonObject ?? ((string?)schema["type"] == "array" ? new JsonObject() : schema);
            foreach (var item in value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (Problem(item, items) is { } itemProblem)
                {
                    yield return $"{label}: query parameter '{name}' item '{item}' {itemProblem}";
                }
            }

            yield break;
        }

        if (Problem(value, schema) is { } problem)
        {
            yield return $"{label}: query parameter '{name}' = '{value}' {problem}";
        }
    }

    private static string? Problem(string value, JsonObject schema)
    {
        // A sort parameter's enum names the fields; BigCommerce's v2 takes "field:asc" or "field:desc" as well.
        var field = value.EndsWith(":asc", StringComparison.Ordinal) || value.EndsWith(":desc", StringComparison.Ordinal) ? value[..value.LastIndexOf(':')] : value;
        if (schema["enum"] is JsonArray allowed && allowed.Count > 0 && !allowed.Any(a => a?.ToString() == value || a?.ToString() == field))
        {
            return $"is not one of {string.Join(", ", allowed.Select(a => a?.ToString()))}";
        }

        switch ((string?)schema["type"])
        {
            case "integer":
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    return "is not an integer";
                }

                return Bounds(whole, schema);
            case "number":
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? Bounds(number, schema) : "is not a number";
            case "boolean":
                return value is "true" or "false" or "1" or "0" ? null : "is not a boolean";
            case "string" when (string?)schema["format"] == "date-time":
                return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "is not a date-time";
            default:
                return null;
        }
    }

    private static string? Bounds(double value, JsonObject schema)
    {
        if (schema["minimum"] is JsonValue minimum && value < Number(minimum))
        {
            return $"is below the minimum {minimum}";
        }

        return schema["maximum"] is JsonValue maximum && value > Number(maximum) ? $"is above the maximum {maximum}" : null;
    }

    private static double Number(JsonValue value) => double.Parse(value.ToJsonString().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture);
}
