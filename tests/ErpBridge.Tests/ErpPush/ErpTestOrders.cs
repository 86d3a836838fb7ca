using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Mapping.Maps;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.ErpPush;

/// <summary>Canonical orders for the push tests (the ORDERS05 golden inputs, renumbered per test) and the ORDERS05 subset schema.</summary>
internal static class ErpTestOrders
{
    public static readonly XNamespace Ord = "urn:erpbridge:orders:v1";

    private static readonly Lazy<XmlSchemaSet> IdocSchemaSet = new(LoadIdocSchema);

    public static string ContractFolder => Path.Combine(RepositoryFolders.Wsdl, "erp");

    public static XmlSchemaSet IdocSchema => IdocSchemaSet.Value;

    /// <summary>The golden case's order with its own order number, so tests never share a document.</summary>
    public static XDocument Order(string orderNumber, string goldenCase = "new-order")
    {
        var order = XDocument.Load(Path.Combine(RepositoryFolders.Xslt, "erp", "ORDERS05.cases", goldenCase, "input.xml"));
        order.Root!.Element(Ord + "OrderNumber")!.Value = orderNumber;
        return order;
    }

    public static string NewOrderNumber() => "T" + Guid.NewGuid().ToString("N")[..10];

    public static string NewMessageId() => "MSG-" + Guid.NewGuid().ToString("N");

    public static XsltMapEngine Maps() => RepositoryMaps.Open();

    public static List<string> ValidateIdoc(XElement idoc)
    {
        var errors = new List<string>();
        new XDocument(new XElement(idoc)).Validate(IdocSchema, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    private static XmlSchemaSet LoadIdocSchema()
    {
        using var reader = XmlReader.Create(Path.Combine(ContractFolder, "ORDERS05.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(reader, null)!);
        set.Compile();
        return set;
    }
}
