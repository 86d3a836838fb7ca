using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>
/// Writes the plain values coerced inputs are made of (null, string, bool, int, long, double, decimal, lists and
/// string-keyed dictionaries) as JSON; also gives a canonical text (keys sorted) used to compare idempotent inputs.
/// </summary>
internal static class PlainJson
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    public static string ToJson(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>JSON with object keys in ordinal order, so that equal inputs give equal text.</summary>
    public static string Canonical(object? value) => ToJson(Sort(value));

    private static object? Sort(object? value) => value switch
    {
        IDictionary<string, object?> map => new SortedDictionary<string, object?>(
            map.ToDictionary(p => p.Key, p => Sort(p.Value), StringComparer.Ordinal), StringComparer.Ordinal),
        string => value,
        IEnumerable list => list.Cast<object?>().Select(Sort).ToList(),
        _ => value,
    };
}
