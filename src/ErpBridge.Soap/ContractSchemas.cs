using System.Xml;
using System.Xml.Schema;

namespace ErpBridge.Soap;

/// <summary>The XSDs of the contract folder, compiled once. Imports resolve only to files in that folder.</summary>
public sealed class ContractSchemas
{
    public ContractSchemas(string folder)
    {
        Folder = Path.GetFullPath(folder);
        var files = Directory.GetFiles(Folder, "*.xsd");
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"No XSD files in contract folder '{Folder}'.");
        }

        var set = new XmlSchemaSet { XmlResolver = new FolderResolver(Folder) };
        var readerSettings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            using var reader = XmlReader.Create(file, readerSettings);
            var schema = XmlSchema.Read(reader, (_, e) => throw new InvalidOperationException($"{Path.GetFileName(file)}: {e.Message}"))!;
            if (!set.Contains(schema.TargetNamespace))
            {
                set.Add(schema);
            }
        }

        set.Compile();
        Set = set;
    }

    public string Folder { get; }

    public XmlSchemaSet Set { get; }

    /// <summary>Reader settings that validate against the contract and refuse DTDs and external resources.</summary>
    public XmlReaderSettings ValidatingSettings() => new()
    {
        ValidationType = ValidationType.Schema,
        Schemas = Set,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        ValidationFlags = XmlSchemaValidationFlags.None,
    };

    private sealed class FolderResolver(string folder) : XmlUrlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (!absoluteUri.IsFile || !Path.GetFullPath(absoluteUri.LocalPath).StartsWith(folder, StringComparison.Ordinal))
            {
                throw new XmlException($"Schema import '{absoluteUri}' is outside the contract folder.");
            }

            return base.GetEntity(absoluteUri, role, ofObjectToReturn);
        }
    }
}
