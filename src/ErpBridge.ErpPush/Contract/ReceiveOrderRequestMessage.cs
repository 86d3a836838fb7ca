using System.ServiceModel;

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
