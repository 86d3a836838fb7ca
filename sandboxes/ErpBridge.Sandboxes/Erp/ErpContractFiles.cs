using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace ErpBridge.Sandboxes.Erp;

/// <summary>
/// The receiver's published contract (ErpOrderReceiver.wsdl and the XSDs beside it), served the way SAP serves a
/// service's WSDL: <c>soap:address</c> and every <c>schemaLocation</c> point at this server, schemas at <c>?xsd=name</c>.
/// Also the ORDERS05 and ALEAUD01 schemas the receiver checks IDocs against.
/// </summary>
internal sealed class ErpContractFiles
{
    public const string WsdlFile = "ErpOrderReceiver.wsdl";
    public const string IdocSchemaFile = "ORDERS05.xsd";
    public const string AuditSchemaFile = "ALEAUD01.xsd";

    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    private readonly string folder;
    private readonly Lazy<XmlSchemaSet?> idocSchema;
    private readonly Lazy<XmlSchemaSet?> auditSchema;

    public ErpContractFiles(string folder)
    {
        this.folder = Path.GetFullPath(folder);
        idocSchema = new Lazy<XmlSchemaSet?>(() => LoadSchema(IdocSchemaFile));
        auditSchema = new Lazy<XmlSchemaSet?>(() => LoadSchema(AuditSchemaFile));
    }

    /// <summary>The WSDL with its addresses pointing at <paramref name="serviceAddress"/>, or null when the file is not there.</summary>
    public string? Wsdl(Uri serviceAddress)
    {
        var document = Load(WsdlFile);
        if (document is null)
        {
            return null;
        }

        foreach (var address in document.Descendants(Soap + "address"))
        {
            address.SetAttributeValue("location", serviceAddress.AbsoluteUri);
        }

        RewriteSchemaLocations(document, serviceAddress);
        return Render(document);
    }

    /// <summary>One XSD of the folder by its file name (nothing else is served), or null.</summary>
    public string? Schema(string name, Uri serviceAddress)
    {
        var known = SchemaNames().FirstOrDefault(n => string.Equals(n, name, StringComparison.Ordinal));
        var document = known is null ? null : Load(known);
        if (document is null)
        {
            return null;
        }

        RewriteSchemaLocations(document, serviceAddress);
        return Render(document);
    }

    /// <summary>Validates an IDoc against ORDERS05.xsd; the errors, or none when valid or when the schema is not there.</summary>
    public IReadOnlyList<string> ValidateIdoc(XElement idoc) => Validate(idoc, idocSchema.Value);

    /// <summary>Validates an audit IDoc against ALEAUD01.xsd, as an SAP receiver checks an inbound IDoc's syntax; a missing schema is an error here.</summary>
    public IReadOnlyList<string> ValidateAudit(XElement audit) =>
        auditSchema.Value is { } schemas ? Validate(audit, schemas) : [$"The receiver has no {AuditSchemaFile} to check audits against."];

    private static IReadOnlyList<string> Validate(XElement idoc, XmlSchemaSet? schemas)
    {
        if (schemas is null)
        {
            return [];
        }

        var errors = new List<string>();
        new XDocument(new XElement(idoc)).Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }

    private static void RewriteSchemaLocations(XDocument document, Uri serviceAddress)
    {
        foreach (var reference in document.Descendants().Where(e => e.Name == Xs + "import" || e.Name == Xs + "include"))
        {
            if (reference.Attribute("schemaLocation") is { } location && !location.Value.Contains(':', StringComparison.Ordinal))
            {
                location.Value = serviceAddress.AbsoluteUri + "?xsd=" + Uri.EscapeDataString(Path.GetFileName(location.Value));
            }
        }

    }

    private static string Render(XDocument document) =>
        new XDeclaration("1.0", "utf-8", null) + Environment.NewLine + document.ToString(SaveOptions.None);

    private IEnumerable<string> SchemaNames() =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.xsd").Select(Path.GetFileName).OfType<string>() : [];

    private XDocument? Load(string fileName)
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader);
    }

    private XmlSchemaSet? LoadSchema(string fileName)
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(XmlSchema.Read(reader, null)!);
        set.Compile();
        return set;
    }
}
