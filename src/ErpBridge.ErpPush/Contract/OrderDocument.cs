using System.Xml;
using System.Xml.Serialization;

namespace ErpBridge.ErpPush.Contract;

/// <summary>er:OrderDocument: the one element (xs:any) the hand-over carries.</summary>
[XmlType(Namespace = ReceiverNamespaces.Messages)]
public sealed class OrderDocument
{
    [XmlAnyElement]
    public XmlElement? Content { get; set; }
}
