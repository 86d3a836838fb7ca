using System.ServiceModel;

namespace ErpBridge.ErpPush.Contract;

/// <summary>er:ReceiveAudit: one ALE audit IDoc for IDocs the ERP sent the bridge.</summary>
[MessageContract(WrapperName = "ReceiveAudit", WrapperNamespace = ReceiverNamespaces.Messages, IsWrapped = true)]
public sealed class ReceiveAuditRequestMessage
{
    [MessageBodyMember(Namespace = ReceiverNamespaces.Messages, Order = 0)]
    public string MessageId { get; set; } = "";

    /// <summary>er:AuditDocument has the same shape as er:OrderDocument: exactly one element.</summary>
    [MessageBodyMember(Namespace = ReceiverNamespaces.Messages, Order = 1)]
    public OrderDocument Document { get; set; } = new();
}
