// Types of wsdl/Common.xsd (urn:erpbridge:common:v1), written by hand in the shape dotnet-svcutil generates
// (XmlSerializer classes; svcutil's output is nullable-oblivious, and so is this file).
#nullable disable
using System.Xml.Serialization;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Proxy;

/// <summary>c:Receipt. svcutil turns c:ChannelList, a sequence of one repeated element, into an array.</summary>
[XmlType(Namespace = "urn:erpbridge:common:v1")]
public partial class Receipt
{
    [XmlElement(Order = 0)]
    public string MessageId { get; set; }

    [XmlElement(Order = 1)]
    public ReceiptStatus Status { get; set; }

    [XmlElement(Order = 2)]
    public DateTime ReceivedAt { get; set; }

    [XmlArray(Order = 3)]
    [XmlArrayItem("Channel", IsNullable = false)]
    public string[] Channels { get; set; }
}

[XmlType(Namespace = "urn:erpbridge:common:v1")]
public enum ReceiptStatus
{
    Accepted,
    Duplicate,
}

[XmlType(Namespace = "urn:erpbridge:common:v1")]
public enum DeliveryStatus
{
    Pending,
    InProgress,
    Delivered,
    RetryScheduled,
    Failed,
    Superseded,
}

/// <summary>The global element c:ErpBridgeFault, the detail of every fault.</summary>
[XmlType(AnonymousType = true, Namespace = "urn:erpbridge:common:v1")]
[XmlRoot(Namespace = "urn:erpbridge:common:v1", IsNullable = false)]
public partial class ErpBridgeFault
{
    [XmlElement(Order = 0)]
    public string Code { get; set; }

    [XmlElement(Order = 1)]
    public string Reason { get; set; }

    [XmlElement(Order = 2)]
    public string CorrelationId { get; set; }
}
