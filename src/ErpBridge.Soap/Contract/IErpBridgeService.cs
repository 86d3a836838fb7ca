using System.ServiceModel;

namespace ErpBridge.Soap.Contract;

/// <summary>The operations of wsdl/ErpBridgeService.wsdl. The WSDL is the contract; this interface follows it.</summary>
[ServiceContract(Name = "ErpBridgeServicePortType", Namespace = Ns.Service)]
[XmlSerializerFormat(SupportFaults = true)]
public interface IErpBridgeService
{
    [OperationContract(Action = Ns.Service + "/SubmitInventory", ReplyAction = Ns.Service + "/SubmitInventoryResponse")]
    [FaultContract(typeof(ErpBridgeFault), Name = "ErpBridgeFault", Namespace = Ns.Common)]
    Task<SubmitInventoryResponse> SubmitInventory(SubmitInventoryRequest request);

    [OperationContract(Action = Ns.Service + "/SubmitProducts", ReplyAction = Ns.Service + "/SubmitProductsResponse")]
    [FaultContract(typeof(ErpBridgeFault), Name = "ErpBridgeFault", Namespace = Ns.Common)]
    Task<SubmitProductsResponse> SubmitProducts(SubmitProductsRequest request);

    [OperationContract(Action = Ns.Service + "/SubmitShipments", ReplyAction = Ns.Service + "/SubmitShipmentsResponse")]
    [FaultContract(typeof(ErpBridgeFault), Name = "ErpBridgeFault", Namespace = Ns.Common)]
    Task<SubmitShipmentsResponse> SubmitShipments(SubmitShipmentsRequest request);

    [OperationContract(Action = Ns.Service + "/SubmitDocument", ReplyAction = Ns.Service + "/SubmitDocumentResponse")]
    [FaultContract(typeof(ErpBridgeFault), Name = "ErpBridgeFault", Namespace = Ns.Common)]
    Task<SubmitDocumentResponse> SubmitDocument(SubmitDocumentRequest request);

    [OperationContract(Action = Ns.Service + "/GetMessageStatus", ReplyAction = Ns.Service + "/GetMessageStatusResponse")]
    [FaultContract(typeof(ErpBridgeFault), Name = "ErpBridgeFault", Namespace = Ns.Common)]
    Task<GetMessageStatusResponse> GetMessageStatus(GetMessageStatusRequest request);

    [OperationContract(Action = Ns.Service + "/FetchOrders", ReplyAction = Ns.Service + "/FetchOrdersResponse")]
    [FaultContract(typeof(ErpBridgeFault), Name = "ErpBridgeFault", Namespace = Ns.Common)]
    Task<FetchOrdersResponse> FetchOrders(FetchOrdersRequest request);

    [OperationContract(Action = Ns.Service + "/AcknowledgeOrders", ReplyAction = Ns.Service + "/AcknowledgeOrdersResponse")]
    [FaultContract(typeof(ErpBridgeFault), Name = "ErpBridgeFault", Namespace = Ns.Common)]
    Task<AcknowledgeOrdersResponse> AcknowledgeOrders(AcknowledgeOrdersRequest request);

    [OperationContract(Action = Ns.Service + "/StartReconciliation", ReplyAction = Ns.Service + "/StartReconciliationResponse")]
    [FaultContract(typeof(ErpBridgeFault), Name = "ErpBridgeFault", Namespace = Ns.Common)]
    Task<StartReconciliationResponse> StartReconciliation(StartReconciliationRequest request);

    [OperationContract(Action = Ns.Service + "/GetReconciliationReport", ReplyAction = Ns.Service + "/GetReconciliationReportResponse")]
    [FaultContract(typeof(ErpBridgeFault), Name = "ErpBridgeFault", Namespace = Ns.Common)]
    Task<GetReconciliationReportResponse> GetReconciliationReport(GetReconciliationReportRequest request);
}
