using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.ErpPush;

/// <summary>Received IDocs written the way SAP sends them, and the ALEAUD01 schema the bridge's audits must pass.</summary>
internal static class AleAuditSamples
{
    public const string DeliveryDocNum = "0000000004713001";

    /// <summary>A DELVRY07 delivery from PRDCLNT100 to the bridge, with its control record.</summary>
    public static XElement Delvry07(string docNum = DeliveryDocNum) => Idocs("DELVRY07", ("SHPCON", docNum));

    /// <summary>An IDoc XML file of basic type <paramref name="basicType"/> holding one IDoc per (message type, DOCNUM).</summary>
    public static XElement Idocs(string basicType, params (string MessageType, string DocNum)[] idocs) =>
        new(
            basicType,
            idocs.Select(i => new XElement(
                "IDOC",
                new XAttribute("BEGIN", "1"),
                new XElement(
                    "EDI_DC40",
                    new XAttribute("SEGMENT", "1"),
                    new XElement("TABNAM", "EDI_DC40"),
                    new XElement("MANDT", "100"),
                    new XElement("DOCNUM", i.DocNum),
                    new XElement("DIRECT", "1"),
                    new XElement("IDOCTYP", basicType),
                    new XElement("MESTYP", i.MessageType),
                    new XElement("SNDPOR", "SAPPRD"),
                    new XElement("SNDPRT", "LS"),
                    new XElement("SNDPRN", "PRDCLNT100"),
                    new XElement("RCVPOR", "ERPBRIDGE"),
                    new XElement("RCVPRT", "LS"),
                    new XElement("RCVPRN", "ERPBRIDGE"),
                    new XElement("CREDAT", "20261125"),
                    new XElement("CRETIM", "164012")),
                new XElement("E1EDL20", new XAttribute("SEGMENT", "1"), new XElement("VBELN", "0080012345")))));

    /// <summary>The errors of <paramref name="audit"/> against wsdl/erp/ALEAUD01.xsd; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(XElement audit)
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        using (var reader = XmlReader.Create(Path.Combine(RepositoryFolders.Wsdl, "erp", "ALEAUD01.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            set.Add(XmlSchema.Read(reader, null)!);
        }

        set.Compile();
        var errors = new List<string>();
        new XDocument(new XElement(audit)).Validate(set, (_, e) => errors.Add(e.Message));
        return errors;
    }
}
