// Types and messages of wsdl/Status.xsd (urn:erpbridge:status:v1), in the shape dotnet-svcutil generates.
#nullable disable
using System.ServiceModel;
using System.Xml.Serialization;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Proxy;

/// <summary>st:ChannelDelivery. Optional value-type elements come with svcutil's <c>...Specified</c> flags.</summary>
[XmlType(Namespace = "urn:erpbridge:status:v1")]
public partial class ChannelDelivery
{
    [XmlElement(Order = 0)]
    public string Channel { get; set; }

    [XmlElement(Order = 1)]
    public DeliveryStatus Status { get; set; }

    [XmlElement(Order = 2)]
    public int Attempts { get; set; }

    [XmlElement(Order = 3)]
    public DateTime LastAttemptAt { get; set; }

    [XmlIgnore]
    public bool LastAttemptAtSpecified { get; set; }

    [XmlElement(Order = 4)]
    public DateTime NextAttemptAt { get; set; }

    [XmlIgnore]
    public bool NextAttemptAtSpecified { get; set; }

    [XmlElement(Order = 5)]
    public string LastError { get; set; }
}

[MessageContract(WrapperName = "GetMessageStatus", WrapperNamespace = "urn:erpbridge:status:v1", IsWrapped = true)]
public partial class GetMessageStatusRequest
{
    [MessageBodyMember(Namespace = "urn:erpbridge:status:v1", Order = 0)]
    public string MessageId;

    public GetMessageStatusRequest()
    {
    }

    public GetMessageStatusRequest(string MessageId) => this.MessageId = MessageId;
}

[MessageContract(WrapperName = "GetMessageStatusResponse", WrapperNamespace = "urn:erpbridge:status:v1", IsWrapped = true)]
public partial class GetMessageStatusResponse
{
    [MessageBodyMember(Namespace = "urn:erpbridge:status:v1", Order = 0)]
    public string MessageId;

    [MessageBodyMember(Namespace = "urn:erpbridge:status:v1", Order = 1)]
    public string MessageType;

    [MessageBodyMember(Namespace = "urn:erpbridge:status:v1", Order = 2)]
    public DateTime ReceivedAt;

    [MessageBodyMember(Namespace = "urn:erpbridge:status:v1", Order = 3)]
    [XmlArrayItem("Delivery", IsNullable = false)]
    public ChannelDelivery[] Deliveries;

    public GetMessageStatusResponse()
    {
    }

    public GetMessageStatusResponse(string MessageId, string MessageType, DateTime ReceivedAt, ChannelDelivery[] Deliveries)
    {
        this.MessageId = MessageId;
        this.MessageType = MessageType;
        this.ReceivedAt = ReceivedAt;
        this.Deliveries = Deliveries;
    }
}
