using System.ServiceModel;

namespace ErpBridge.ErpPush.Contract;

/// <summary>er:ReceiveAuditResponse.</summary>
[MessageContract(WrapperName = "ReceiveAuditResponse", WrapperNamespace = ReceiverNamespaces.Messages, IsWrapped = true)]
public sealed class ReceiveAuditResponseMessage
{
    [MessageBodyMember(Namespace = ReceiverNamespaces.Messages, Order = 0)]
    public string? IdocNumber { get; set; }

    [MessageBodyMember(Namespace = ReceiverNamespaces.Messages, Order = 1)]
    public string? Status { get; set; }
}
