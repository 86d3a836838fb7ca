using System.Xml.Serialization;

namespace ErpBridge.Soap.Contract;

/// <summary>The detail of every fault (c:ErpBridgeFault).</summary>
[XmlRoot("ErpBridgeFault", Namespace = Ns.Common)]
[XmlType(Namespace = Ns.Common)]
public sealed class ErpBridgeFault
{
    [XmlElement(Order = 0)]
    public string Code { get; set; } = "";

    [XmlElement(Order = 1)]
    public string Reason { get; set; } = "";

    [XmlElement(Order = 2)]
    public string CorrelationId { get; set; } = "";
}
