using System.ServiceModel;

namespace ErpBridge.ErpPush.Contract;

/// <summary>er:ReceiveOrderResponse.</summary>
[MessageContract(WrapperName = "ReceiveOrderResponse", WrapperNamespace = ReceiverNamespaces.Messages, IsWrapped = true)]
public sealed class ReceiveOrderResponseMessage
{
    [MessageBodyMember(Namespace = ReceiverNamespaces.Messages, Order = 0)]
    public string? ErpDocumentNumber { get; set; }

    [MessageBodyMember(Namespace = ReceiverNamespaces.Messages, Order = 1)]
    public string? Status { get; set; }
}
