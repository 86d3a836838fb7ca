using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Serialization;

namespace ErpBridge.Soap;

/// <summary>
/// The canonical form of a request: the request element re-serialized from the parsed object, so that the same content
/// sent with other prefixes or whitespace has the same form (and hash).
/// </summary>
public static class CanonicalXml
{
    private static readonly ConcurrentDictionary<Type, XmlSerializer> Serializers = new();
    private static readonly XmlWriterSettings Settings = new() { OmitXmlDeclaration = true, Indent = false, Encoding = new UTF8Encoding(false) };

    /// <summary>The serializer of a contract type (its XmlRoot names the element), made once per type.</summary>
    public static XmlSerializer SerializerFor(Type type) => Serializers.GetOrAdd(type, t => new XmlSerializer(t));

    public static string Serialize<T>(T value, string defaultNamespace)
        where T : class
    {
        var serializer = SerializerFor(typeof(T));
        var namespaces = new XmlSerializerNamespaces();
        namespaces.Add("", defaultNamespace);
        var builder = new StringBuilder(1024);
        using (var writer = XmlWriter.Create(new StringWriter(builder, CultureInfo.InvariantCulture), Settings))
        {
            serializer.Serialize(writer, value, namespaces);
        }

        return builder.ToString();
    }
}
