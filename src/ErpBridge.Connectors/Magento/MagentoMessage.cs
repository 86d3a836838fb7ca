using System.Text;
using System.Text.Json;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Magento's error bodies carry a template and its parameters (<c>{"message":"... %1 ...","parameters":["X"]}</c>,
/// or named: <c>%fieldName</c> with <c>{"fieldName":"sku"}</c>), and sometimes more such messages under
/// <c>errors</c>. An operator needs the filled-in text, as Magento's own admin shows it.
/// </summary>
internal static class MagentoMessage
{
    /// <summary>The body's message(s) with their placeholders filled in, or the body's text when it is not Magento's shape.</summary>
    public static string From(byte[] body)
    {
        if (body.Length == 0)
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out _))
            {
                var messages = new List<string> { Fill(root) };
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    messages.AddRange(errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out _)).Select(Fill));
                }

                return string.Join("; ", messages.Where(m => m.Length > 0).Distinct(StringComparer.Ordinal));
            }
        }
        catch (JsonException)
        {
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    /// <summary>The element's <c>message</c> with <c>%1</c>, <c>%2</c>, ... or <c>%name</c> replaced from its <c>parameters</c>.</summary>
    public static string Fill(JsonElement error)
    {
        var message = error.GetProperty("message").ValueKind == JsonValueKind.String ? error.GetProperty("message").GetString()! : error.GetProperty("message").GetRawText();
        if (!error.TryGetProperty("parameters", out var parameters))
        {
            return message;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parameters.ValueKind == JsonValueKind.Array)
        {
            var position = 1;
            foreach (var value in parameters.EnumerateArray())
            {
                values[(position++).ToString(System.Globalization.CultureInfo.InvariantCulture)] = Text(value);
            }
        }
        else if (parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in parameters.EnumerateObject())
            {
                values[property.Name] = Text(property.Value);
            }
        }

        // Longest names first, so that %10 is not read as %1 followed by 0.
        foreach (var (name, value) in values.OrderByDescending(v => v.Key.Length))
        {
            message = message.Replace("%" + name, value, StringComparison.Ordinal);
        }

        return message;
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
