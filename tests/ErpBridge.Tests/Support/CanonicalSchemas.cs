using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Schema;

namespace ErpBridge.Tests.Support;

/// <summary>
/// The canonical message schemas (the XSDs beside the WSDL), read and compiled one way for every test that checks
/// documents against them; each set is compiled once per run and only read afterwards.
/// </summary>
public static class CanonicalSchemas
{
    private static readonly ConcurrentDictionary<string, XmlSchemaSet> Sets = new(StringComparer.Ordinal);

    /// <summary>Common.xsd and Orders.xsd from the repository: the canonical order.</summary>
    public static XmlSchemaSet Orders => Repository("Common.xsd", "Orders.xsd");

    /// <summary>The named XSDs of the repository's wsdl folder.</summary>
    public static XmlSchemaSet Repository(params string[] names) =>
        Sets.GetOrAdd(string.Join('|', names), _ => Compile(names.Select(name => Path.Combine(RepositoryFolders.Wsdl, name))));

    /// <summary>Every XSD in <paramref name="folder"/> (for example the copies the bridge serves from its output folder).</summary>
    public static XmlSchemaSet Folder(string folder) =>
        Sets.GetOrAdd("folder:" + Path.GetFullPath(folder), _ => Compile(Directory.GetFiles(folder, "*.xsd").Order(StringComparer.Ordinal)));

    private static XmlSchemaSet Compile(IEnumerable<string> paths)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        foreach (var path in paths)
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            var schema = XmlSchema.Read(reader, null)!;
            schema.SourceUri = new Uri(path).AbsoluteUri;
            if (!set.Contains(schema.TargetNamespace))
            {
                set.Add(schema);
            }
        }

        set.Compile();
        return set;
    }
}
