using System.Xml.Serialization;

namespace ErpBridge.Soap.Contract;

[XmlType(Namespace = Ns.Common)]
public sealed class ReceiptDto
{
    [XmlElement(Order = 0)]
    public string MessageId { get; set; } = "";

    [XmlElement(Order = 1)]
    public string Status { get; set; } = "";

    [XmlElement(Order = 2)]
    public DateTime ReceivedAt { get; set; }

    [XmlElement(Order = 3)]
    public ChannelList Channels { get; set; } = new();
}
