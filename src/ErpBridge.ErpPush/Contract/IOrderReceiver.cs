using System.ServiceModel;

namespace ErpBridge.ErpPush.Contract;

/// <summary>
/// The OrderReceiver port type of wsdl/erp/ErpOrderReceiver.wsdl, in the shape svcutil gives a document/literal
/// wrapped operation with XmlSerializer. No fault contract is declared on purpose: the fault then arrives as a
/// plain <see cref="FaultException"/> that keeps the received fault, whose er:ReceiveOrderFault detail is read as XML.
/// </summary>
[ServiceContract(Name = "OrderReceiver", Namespace = ReceiverNamespaces.Wsdl)]
[XmlSerializerFormat]
public interface IOrderReceiver
{
    [OperationContract(Action = ReceiverNamespaces.Messages + ":ReceiveOrder", ReplyAction = "*")]
    Task<ReceiveOrderResponseMessage> ReceiveOrderAsync(ReceiveOrderRequestMessage request);

    [OperationContract(Action = ReceiverNamespaces.Messages + ":ReceiveAudit", ReplyAction = "*")]
    Task<ReceiveAuditResponseMessage> ReceiveAuditAsync(ReceiveAuditRequestMessage request);
}
