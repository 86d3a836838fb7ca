using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;

namespace ErpBridge.Soap.Contract;

[MessageContract(WrapperName = "FetchOrders", WrapperNamespace = Ns.Orders, IsWrapped = true)]
public sealed class FetchOrdersRequest
{
    [MessageBodyMember(Namespace = Ns.Orders, Order = 0)]
    public int MaxOrders { get; set; }

    [MessageBodyMember(Namespace = Ns.Orders, Order = 1)]
    public string? Channel { get; set; }
}

[MessageContract(WrapperName = "FetchOrdersResponse", WrapperNamespace = Ns.Orders, IsWrapped = true)]
public sealed class FetchOrdersResponse
{
    [MessageBodyMember(Namespace = Ns.Orders, Order = 0)]
    public PendingOrderList Orders { get; set; } = new();
}

[XmlType(Namespace = Ns.Orders)]
public sealed class PendingOrderList
{
    [XmlElement("PendingOrder")]
    public List<PendingOrderDto> PendingOrder { get; set; } = [];
}

[XmlType("PendingOrder", Namespace = Ns.Orders)]
public sealed class PendingOrderDto
{
    [XmlElement(Order = 0)]
    public string OrderId { get; set; } = "";

    [XmlElement(Order = 1)]
    public long Revision { get; set; }

    [XmlElement(Order = 2)]
    public string ChangeType { get; set; } = "";

    [XmlElement(Order = 3)]
    public DateTime OfferedAgainAt { get; set; }

    /// <summary>The canonical ord:Order exactly as stored.</summary>
    [XmlAnyElement("Order", Namespace = Ns.Orders, Order = 4)]
    public XmlElement? Order { get; set; }
}

[MessageContract(WrapperName = "AcknowledgeOrders", WrapperNamespace = Ns.Orders, IsWrapped = true)]
public sealed class AcknowledgeOrdersRequest
{
    [MessageBodyMember(Namespace = Ns.Orders, Order = 0)]
    public AcknowledgementList Acknowledgements { get; set; } = new();
}

[XmlType(Namespace = Ns.Orders)]
public sealed class AcknowledgementList
{
    [XmlElement("Acknowledgement")]
    public List<AcknowledgementDto> Acknowledgement { get; set; } = [];
}

[XmlType("Acknowledgement", Namespace = Ns.Orders)]
public sealed class AcknowledgementDto
{
    [XmlElement(Order = 0)]
    public string OrderId { get; set; } = "";

    [XmlElement(Order = 1)]
    public long Revision { get; set; }

    [XmlIgnore]
    public bool RevisionSpecified { get; set; }

    [XmlElement(Order = 2)]
    public string ErpDocumentNumber { get; set; } = "";
}

[MessageContract(WrapperName = "AcknowledgeOrdersResponse", WrapperNamespace = Ns.Orders, IsWrapped = true)]
public sealed class AcknowledgeOrdersResponse
{
    [MessageBodyMember(Namespace = Ns.Orders, Order = 0)]
    public AcknowledgeResultList Results { get; set; } = new();
}

[XmlType(Namespace = Ns.Orders)]
public sealed class AcknowledgeResultList
{
    [XmlElement("Result")]
    public List<AcknowledgeResultDto> Result { get; set; } = [];
}

[XmlType("AcknowledgeResult", Namespace = Ns.Orders)]
public sealed class AcknowledgeResultDto
{
    [XmlElement(Order = 0)]
    public string OrderId { get; set; } = "";

    [XmlElement(Order = 1)]
    public string Status { get; set; } = "";

    [XmlElement(Order = 2)]
    public long CurrentRevision { get; set; }

    [XmlIgnore]
    public bool CurrentRevisionSpecified { get; set; }

    [XmlElement(Order = 3)]
    public string? ErpDocumentNumber { get; set; }
}
