using System.Xml.Serialization;

namespace ErpBridge.Soap.Contract;

[XmlType(Namespace = Ns.Common)]
public sealed class ChannelList
{
    [XmlElement("Channel")]
    public List<string> Channel { get; set; } = [];
}
