using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml.Linq;
using ErpBridge.Core.Xml;

namespace ErpBridge.Mapping.Json;

/// <summary>
/// The XPath 3.1 "JSON as XML" vocabulary (fn:map, fn:array, fn:string, fn:number, fn:boolean, fn:null, with
/// <c>key</c> attributes in maps), both ways. XSLT 1.0 writes typed JSON through it; platform JSON is read into it.
/// Errors name the element at fault by its path of keys.
/// </summary>
public static class JsonXml
{
    public const string Namespace = "http://www.w3.org/2005/xpath-functions";

    public static readonly XNamespace Ns = Namespace;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Platforms receive the characters as written; only what JSON itself requires is escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>Converts one vocabulary element (and what it holds) to JSON text.</summary>
    public static string ToJson(XElement element)
    {
        using var buffer = new MemoryStream();
        WriteJson(element, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Converts one vocabulary element to UTF-8 JSON.</summary>
    public static byte[] ToJsonUtf8(XElement element)
    {
        using var buffer = new MemoryStream();
        WriteJson(element, buffer);
        return buffer.ToArray();
    }

    public static void WriteJson(XElement element, Stream output)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Write(element, writer, "$");
        writer.Flush();
    }

    // Platform responses nest deeper than JsonDocument's default of 64 only when something is wrong, but orders
    // with bundles and metafields come close; duplicate keys have no meaning in a map and are refused.
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 256, AllowDuplicateProperties = false };

    /// <summary>
    /// Renders JSON as the vocabulary, so that XSLT can read platform responses. Strings and keys holding characters
    /// XML cannot carry (most control characters, half surrogate pairs) are written in their JSON-escaped form and
    /// marked <c>escaped="true"</c> / <c>escaped-key="true"</c>, as the XPath json-to-xml function does. Carriage
    /// returns stay as they are: whoever writes the XML out must entitize them (<c>NewLineHandling.Entitize</c>).
    /// </summary>
    public static XElement FromJson(string json)
    {
        using var document = JsonDocument.Parse(json, ReadOptions);
        return FromJson(document.RootElement);
    }

    /// <inheritdoc cref="FromJson(string)"/>
    public static XElement FromJson(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json, ReadOptions);
        return FromJson(document.RootElement);
    }

    /// <inheritdoc cref="FromJson(string)"/>
    public static XElement FromJson(JsonElement value) => Element(value, key: null);

    private static XElement Element(JsonElement value, string? key)
    {
        XAttribute[] keyAttributes = key is null
            ? []
            : XmlSafe(key) is { } escapedKey
                ? [new XAttribute("key", escapedKey), new XAttribute("escaped-key", "true")]
                : [new XAttribute("key", key)];
        return value.ValueKind switch
        {
            JsonValueKind.Object => new XElement(Ns + "map", keyAttributes, value.EnumerateObject().Select(p => Element(p.Value, p.Name))),
            JsonValueKind.Array => new XElement(Ns + "array", keyAttributes, value.EnumerateArray().Select(v => Element(v, null))),
            JsonValueKind.String => StringElement(value.GetString()!, keyAttributes),
            JsonValueKind.Number => new XElement(Ns + "number", keyAttributes, value.GetRawText()),
            JsonValueKind.True => new XElement(Ns + "boolean", keyAttributes, "true"),
            JsonValueKind.False => new XElement(Ns + "boolean", keyAttributes, "false"),
            JsonValueKind.Null => new XElement(Ns + "null", keyAttributes),
            _ => throw new JsonXmlException($"Unsupported JSON value kind {value.ValueKind}."),
        };
    }

    private static XElement StringElement(string text, XAttribute[] keyAttributes) =>
        XmlSafe(text) is { } escaped
            ? new XElement(Ns + "string", keyAttributes, new XAttribute("escaped", "true"), escaped)
            : new XElement(Ns + "string", keyAttributes, text);

    /// <summary>Null when XML can carry <paramref name="text"/> as it is; otherwise its JSON-escaped form.</summary>
    private static string? XmlSafe(string text)
    {
        if (XmlChars.IndexOfInvalid(text) < 0)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                builder.Append("\\\\");
            }
            else if (XmlChars.IsPairAt(text, i))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!System.Xml.XmlConvert.IsXmlChar(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static void Write(XElement element, Utf8JsonWriter writer, string path)
    {
        if (element.Name.Namespace != Ns)
        {
            throw new JsonXmlException($"{path}: element {element.Name} is not in the JSON vocabulary namespace {Namespace}.");
        }

        switch (element.Name.LocalName)
        {
            case "map":
                NoText(element, path);
                writer.WriteStartObject();
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var child in element.Elements())
                {
                    var key = KeyOf(child, path);
                    if (!keys.Add(key))
                    {
                        throw new JsonXmlException($"{path}: duplicate key '{key}' in a map.");
                    }

                    writer.WritePropertyName(key);
                    Write(child, writer, $"{path}.{key}");
                }

                writer.WriteEndObject();
                break;
            case "array":
                NoText(element, path);
                writer.WriteStartArray();
                var index = 0;
                foreach (var child in element.Elements())
                {
                    Write(child, writer, $"{path}[{index++}]");
                }

                writer.WriteEndArray();
                break;
            case "string":
                Leaf(element, path);
                var text = element.Value;
                writer.WriteStringValue(IsTrue(element.Attribute("escaped")) ? Unescape(text, path) : text);
                break;
            case "number":
                Leaf(element, path);
                WriteNumber(element.Value, writer, path);
                break;
            case "boolean":
                Leaf(element, path);
                writer.WriteBooleanValue(element.Value.Trim() switch
                {
                    "true" or "1" => true,
                    "false" or "0" => false,
                    var other => throw new JsonXmlException($"{path}: '{other}' is not a boolean (true, false, 1, 0)."),
                });
                break;
            case "null":
                Leaf(element, path);
                if (element.Value.Trim().Length != 0)
                {
                    throw new JsonXmlException($"{path}: null must be empty.");
                }

                writer.WriteNullValue();
                break;
            default:
                throw new JsonXmlException($"{path}: unknown element fn:{element.Name.LocalName}.");
        }
    }

    private static string KeyOf(XElement child, string path)
    {
        var key = (string?)child.Attribute("key")
            ?? throw new JsonXmlException($"{path}: a fn:{child.Name.LocalName} inside a map needs a key attribute.");
        return IsTrue(child.Attribute("escaped-key")) ? Unescape(key, path) : key;
    }

    private static void WriteNumber(string raw, Utf8JsonWriter writer, string path)
    {
        var text = raw.Trim();
        if (IsJsonNumber(text))
        {
            writer.WriteRawValue(text, skipInputValidation: true);
            return;
        }

        // XSLT 1.0 and xs:double write numbers JSON does not accept as they are ("+5", ".5", "5.", "1E3").
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            writer.WriteNumberValue(value);
            return;
        }

        throw new JsonXmlException($"{path}: '{raw}' is not a number.");
    }

    /// <summary>The JSON number grammar (RFC 8259 section 6).</summary>
    private static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else if (!SkipDigits(text, ref i))
        {
            // Not '0', so a digit here is 1 to 9 and starts the integer part; anything else is no number.
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>Moves past the ASCII digits at <paramref name="i"/>; false where there is none.</summary>
    private static bool SkipDigits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start;
    }

    /// <summary>
    /// Reads the text of an <c>escaped="true"</c> string or <c>escaped-key</c>: backslash escapes are decoded and
    /// every other character stands for itself, a bare quote included (the XPath rules). A backslash that starts
    /// no valid escape, or an escape that leaves half a surrogate pair, is an error.
    /// </summary>
    private static string Unescape(string escaped, string path)
    {
        if (!escaped.Contains('\\', StringComparison.Ordinal))
        {
            return escaped;
        }

        var builder = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= escaped.Length)
            {
                throw new JsonXmlException($"{path}: '{escaped}' ends in a lone backslash.");
            }

            switch (escaped[i])
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when i + 4 < escaped.Length && ushort.TryParse(escaped.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw new JsonXmlException($"{path}: '\\{escaped[i]}' in '{escaped}' is not a JSON escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t, \\uXXXX).");
            }
        }

        var text = builder.ToString();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw new JsonXmlException($"{path}: '{escaped}' holds half a surrogate pair (U+{(int)text[i]:X4}), which is not text.");
            }
        }

        return text;
    }

    private static bool IsTrue(XAttribute? attribute) => attribute is not null && attribute.Value.Trim() is "true" or "1";

    private static void NoText(XElement element, string path)
    {
        foreach (var node in element.Nodes())
        {
            if (node is XText text && !string.IsNullOrWhiteSpace(text.Value))
            {
                throw new JsonXmlException($"{path}: text '{text.Value.Trim()}' is not allowed directly inside fn:{element.Name.LocalName}.");
            }
        }
    }

    private static void Leaf(XElement element, string path)
    {
        if (element.HasElements)
        {
            throw new JsonXmlException($"{path}: fn:{element.Name.LocalName} cannot hold elements.");
        }
    }
}

public sealed class JsonXmlException(string message) : Exception(message);
