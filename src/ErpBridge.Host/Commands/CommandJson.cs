using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErpBridge.Host.Commands;

/// <summary>The <c>--json</c> output: one JSON document on standard output, camelCase names, enums by name.</summary>
public static class CommandJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Read by people and scripts, never embedded in HTML: quotes and apostrophes stay as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write(TextWriter output, object value)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Options));
    }

    /// <summary>A request body as JSON when it is JSON, else as a string, so that scripts need not parse it twice.</summary>
    public static object? Body(string? body)
    {
        if (body is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
