using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;

namespace ErpBridge.ErpPush.Contract;

/// <summary>er:ReceiveOrder: one hand-over.</summary>
[MessageContract(WrapperName = "ReceiveOrder", WrapperNamespace = ReceiverNamespaces.Messages, IsWrapped = true)]
public sealed class ReceiveOrderRequestMessage
{
    [MessageBodyMember(Namespace = ReceiverNamespaces.Messages, Order = 0)]
    public string MessageId { get; set; } = "";

    [MessageBodyMember(Namespace = ReceiverNamespaces.Messages, Order = 1)]
    public string ChangeType { get; set; } = "";

    [MessageBodyMember(Namespace = ReceiverNamespaces.Messages, Order = 2)]
    public OrderDocument Document { get; set; } = new();
}

/// <summary>er:OrderDocument: the one element (xs:any) the hand-over carries.</summary>
[XmlType(Namespace = ReceiverNamespaces.Messages)]
public sealed class OrderDocument
{
    [XmlAnyElement]
    public XmlElement? Content { get; set; }
}

/// <summary>er:ReceiveOrderResponse.</summary>
[MessageContract(WrapperName = "ReceiveOrderResponse", WrapperNamespace = ReceiverNamespaces.Messages, IsWrapped = true)]
public sealed class ReceiveOrderResponseMessage
{
    [MessageBodyMember(Namespace = ReceiverNamespaces.Messages, Order = 0)]
    public string? ErpDocumentNumber { get; set; }

    [MessageBodyMember(Namespace = ReceiverNamespaces.Messages, Order = 1)]
    public string? Status { get; set; }
}
