// The portType of wsdl/ErpBridgeService.wsdl, written by hand in the shape dotnet-svcutil generates.
#nullable disable
using System.ServiceModel;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Proxy;

/// <summary>
/// Document/literal wrapped operations with typed messages. As svcutil does for a fault without a wsaw:Action,
/// each fault contract carries the operation's soapAction.
/// </summary>
[ServiceContract(Namespace = "urn:erpbridge:v1", Name = "ErpBridgeServicePortType", ConfigurationName = "ErpBridge.Tests.Soap.Interop.Wcf.Proxy.ErpBridgeServicePortType")]
public interface ErpBridgeServicePortType
{
    [OperationContract(Action = "urn:erpbridge:v1/SubmitInventory", ReplyAction = "*")]
    [FaultContract(typeof(ErpBridgeFault), Action = "urn:erpbridge:v1/SubmitInventory", Name = "ErpBridgeFault", Namespace = "urn:erpbridge:common:v1")]
    [XmlSerializerFormat(SupportFaults = true)]
    Task<SubmitInventoryResponse> SubmitInventoryAsync(SubmitInventoryRequest request);

    [OperationContract(Action = "urn:erpbridge:v1/SubmitProducts", ReplyAction = "*")]
    [FaultContract(typeof(ErpBridgeFault), Action = "urn:erpbridge:v1/SubmitProducts", Name = "ErpBridgeFault", Namespace = "urn:erpbridge:common:v1")]
    [XmlSerializerFormat(SupportFaults = true)]
    Task<SubmitProductsResponse> SubmitProductsAsync(SubmitProductsRequest request);

    [OperationContract(Action = "urn:erpbridge:v1/SubmitShipments", ReplyAction = "*")]
    [FaultContract(typeof(ErpBridgeFault), Action = "urn:erpbridge:v1/SubmitShipments", Name = "ErpBridgeFault", Namespace = "urn:erpbridge:common:v1")]
    [XmlSerializerFormat(SupportFaults = true)]
    Task<SubmitShipmentsResponse> SubmitShipmentsAsync(SubmitShipmentsRequest request);

    [OperationContract(Action = "urn:erpbridge:v1/SubmitDocument", ReplyAction = "*")]
    [FaultContract(typeof(ErpBridgeFault), Action = "urn:erpbridge:v1/SubmitDocument", Name = "ErpBridgeFault", Namespace = "urn:erpbridge:common:v1")]
    [XmlSerializerFormat(SupportFaults = true)]
    Task<SubmitDocumentResponse> SubmitDocumentAsync(SubmitDocumentRequest request);

    [OperationContract(Action = "urn:erpbridge:v1/GetMessageStatus", ReplyAction = "*")]
    [FaultContract(typeof(ErpBridgeFault), Action = "urn:erpbridge:v1/GetMessageStatus", Name = "ErpBridgeFault", Namespace = "urn:erpbridge:common:v1")]
    [XmlSerializerFormat(SupportFaults = true)]
    Task<GetMessageStatusResponse> GetMessageStatusAsync(GetMessageStatusRequest request);
}
