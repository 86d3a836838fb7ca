using System.Text.Json;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>One entry of a response's top-level <c>errors</c>, shaped like Shopify's.</summary>
internal sealed record GraphQLError(string Message, string? Code = null, (int Line, int Column)? Location = null)
{
    public IReadOnlyList<object>? Path { get; init; }

    /// <summary>Extra members of <c>extensions</c> besides <c>code</c>, written as they are.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Extensions { get; init; } = [];

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("message", Message);
        if (Location is { } location)
        {
            writer.WriteStartArray("locations");
            writer.WriteStartObject();
            writer.WriteNumber("line", location.Line);
            writer.WriteNumber("column", location.Column);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        if (Path is not null)
        {
            writer.WritePropertyName("path");
            PlainJson.Write(writer, Path);
        }

        if (Code is not null || Extensions.Count > 0)
        {
            writer.WriteStartObject("extensions");
            if (Code is not null)
            {
                writer.WriteString("code", Code);
            }

            foreach (var (key, value) in Extensions)
            {
                writer.WritePropertyName(key);
                PlainJson.Write(writer, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
