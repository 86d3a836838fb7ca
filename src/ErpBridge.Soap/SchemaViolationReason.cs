using System.Globalization;
using System.Xml;
using System.Xml.Schema;

namespace ErpBridge.Soap;

/// <summary>
/// The reason of a SchemaViolation fault: the validator's message with the line and position, the offending value
/// cut short (.NET quotes it whole, and a 2 MB description would come back in the fault), and, for a text beyond its
/// length, the limit the contract states (.NET's message names no number).
/// </summary>
internal sealed class SchemaViolationReason
{
    private const int ValueShown = 40;
    private const string ValueStart = "The value '";
    private const string ValueEnd = "' is invalid according to its datatype";
    private readonly Dictionary<string, int> maxLengths;

    public SchemaViolationReason(XmlSchemaSet schemas)
    {
        var lengths = new Dictionary<string, int?>(StringComparer.Ordinal);
        var seen = new HashSet<XmlSchemaType>();
        foreach (XmlSchema schema in schemas.Schemas())
        {
            foreach (XmlSchemaElement element in schema.Elements.Values)
            {
                Visit(element, lengths, seen);
            }

            foreach (XmlSchemaType type in schema.SchemaTypes.Values)
            {
                Visit(type, lengths, seen);
            }
        }

        // A name declared with different lengths in different places names no single limit.
        maxLengths = lengths.Where(l => l.Value is not null).ToDictionary(l => l.Key, l => l.Value!.Value, StringComparer.Ordinal);
    }

    public string For(XmlSchemaValidationException ex)
    {
        var message = Shorten(ex.Message);
        var limit = message.Contains("MaxLength", StringComparison.Ordinal) && ElementName(message) is { } name && maxLengths.TryGetValue(name, out var length)
            ? string.Create(CultureInfo.InvariantCulture, $" The limit is {length} characters.")
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"{message}{limit} (line {ex.LineNumber}, position {ex.LinePosition})");
    }

    private static string Shorten(string message)
    {
        var start = message.IndexOf(ValueStart, StringComparison.Ordinal);
        var end = message.LastIndexOf(ValueEnd, StringComparison.Ordinal);
        if (start < 0 || end < 0 || end - start - ValueStart.Length <= ValueShown * 2)
        {
            return message;
        }

        var valueLength = end - start - ValueStart.Length;
        return string.Concat(
            message.AsSpan(0, start + ValueStart.Length + ValueShown),
            string.Create(CultureInfo.InvariantCulture, $"…' ({valueLength} characters)"),
            message.AsSpan(end + 1));
    }

    /// <summary>The qualified name .NET puts first: "The 'urn:…:Description' element is invalid - …".</summary>
    private static string? ElementName(string message)
    {
        const string Start = "The '";
        var end = message.IndexOf("' element is invalid", StringComparison.Ordinal);
        return message.StartsWith(Start, StringComparison.Ordinal) && end > Start.Length ? message[Start.Length..end] : null;
    }

    private static void Visit(XmlSchemaElement element, Dictionary<string, int?> lengths, HashSet<XmlSchemaType> seen)
    {
        var name = element.QualifiedName.Namespace + ":" + element.QualifiedName.Name;
        if (MaxLength(element.ElementSchemaType) is { } length)
        {
            lengths[name] = lengths.TryGetValue(name, out var known) && known != length ? null : length;
        }

        if (element.ElementSchemaType is { } type)
        {
            Visit(type, lengths, seen);
        }
    }

    private static void Visit(XmlSchemaType type, Dictionary<string, int?> lengths, HashSet<XmlSchemaType> seen)
    {
        if (type is XmlSchemaComplexType complex && seen.Add(type))
        {
            Visit(complex.ContentTypeParticle, lengths, seen);
        }
    }

    private static void Visit(XmlSchemaParticle? particle, Dictionary<string, int?> lengths, HashSet<XmlSchemaType> seen)
    {
        switch (particle)
        {
            case XmlSchemaElement element:
                Visit(element, lengths, seen);
                break;
            case XmlSchemaGroupBase group:
                foreach (var item in group.Items.OfType<XmlSchemaParticle>())
                {
                    Visit(item, lengths, seen);
                }

                break;
        }
    }

    private static int? MaxLength(XmlSchemaType? type)
    {
        while (type is XmlSchemaSimpleType simple)
        {
            if (simple.Content is XmlSchemaSimpleTypeRestriction restriction
                && restriction.Facets.OfType<XmlSchemaMaxLengthFacet>().FirstOrDefault() is { Value: { } value })
            {
                return XmlConvert.ToInt32(value);
            }

            type = simple.BaseXmlSchemaType;
        }

        return null;
    }
}
