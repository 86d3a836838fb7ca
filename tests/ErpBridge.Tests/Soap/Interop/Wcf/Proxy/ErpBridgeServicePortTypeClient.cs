// The client of wsdl/ErpBridgeService.wsdl, written by hand in the shape dotnet-svcutil generates.
#nullable disable
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.Text;
using System.Xml;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Proxy;

/// <summary>One endpoint configuration per WSDL port: SOAP 1.1 and SOAP 1.2, both on the same address.</summary>
public partial class ErpBridgeServicePortTypeClient : ClientBase<ErpBridgeServicePortType>, ErpBridgeServicePortType
{
    public ErpBridgeServicePortTypeClient(EndpointConfiguration endpointConfiguration)
        : base(GetBindingForEndpoint(endpointConfiguration), GetEndpointAddress(endpointConfiguration))
    {
        Endpoint.Name = endpointConfiguration.ToString();
        ConfigureEndpoint(Endpoint, ClientCredentials);
    }

    public ErpBridgeServicePortTypeClient(EndpointConfiguration endpointConfiguration, string remoteAddress)
        : this(endpointConfiguration, new EndpointAddress(remoteAddress))
    {
    }

    public ErpBridgeServicePortTypeClient(EndpointConfiguration endpointConfiguration, EndpointAddress remoteAddress)
        : base(GetBindingForEndpoint(endpointConfiguration), remoteAddress)
    {
        Endpoint.Name = endpointConfiguration.ToString();
        ConfigureEndpoint(Endpoint, ClientCredentials);
    }

    public ErpBridgeServicePortTypeClient(Binding binding, EndpointAddress remoteAddress)
        : base(binding, remoteAddress)
    {
    }

    public enum EndpointConfiguration
    {
        ErpBridgeServiceSoap11,
        ErpBridgeServiceSoap12,
    }

    Task<SubmitInventoryResponse> ErpBridgeServicePortType.SubmitInventoryAsync(SubmitInventoryRequest request) => Channel.SubmitInventoryAsync(request);

    Task<SubmitProductsResponse> ErpBridgeServicePortType.SubmitProductsAsync(SubmitProductsRequest request) => Channel.SubmitProductsAsync(request);

    Task<SubmitShipmentsResponse> ErpBridgeServicePortType.SubmitShipmentsAsync(SubmitShipmentsRequest request) => Channel.SubmitShipmentsAsync(request);

    Task<SubmitDocumentResponse> ErpBridgeServicePortType.SubmitDocumentAsync(SubmitDocumentRequest request) => Channel.SubmitDocumentAsync(request);

    Task<GetMessageStatusResponse> ErpBridgeServicePortType.GetMessageStatusAsync(GetMessageStatusRequest request) => Channel.GetMessageStatusAsync(request);

    public Task<SubmitInventoryResponse> SubmitInventoryAsync(string MessageId, DateTime SentAt, string SourceSystem, InventoryItem[] Items) =>
        ((ErpBridgeServicePortType)this).SubmitInventoryAsync(new SubmitInventoryRequest(MessageId, SentAt, SourceSystem, Items));

    public Task<SubmitProductsResponse> SubmitProductsAsync(string MessageId, DateTime SentAt, string SourceSystem, Product[] Products) =>
        ((ErpBridgeServicePortType)this).SubmitProductsAsync(new SubmitProductsRequest(MessageId, SentAt, SourceSystem, Products));

    public Task<SubmitShipmentsResponse> SubmitShipmentsAsync(string MessageId, DateTime SentAt, string SourceSystem, Shipment[] Shipments) =>
        ((ErpBridgeServicePortType)this).SubmitShipmentsAsync(new SubmitShipmentsRequest(MessageId, SentAt, SourceSystem, Shipments));

    public Task<SubmitDocumentResponse> SubmitDocumentAsync(string MessageId, DateTime SentAt, string SourceSystem, string DocumentType, XmlElement Payload) =>
        ((ErpBridgeServicePortType)this).SubmitDocumentAsync(new SubmitDocumentRequest(MessageId, SentAt, SourceSystem, DocumentType, Payload));

    public Task<GetMessageStatusResponse> GetMessageStatusAsync(string MessageId) =>
        ((ErpBridgeServicePortType)this).GetMessageStatusAsync(new GetMessageStatusRequest(MessageId));

    public virtual Task OpenAsync() =>
        Task.Factory.FromAsync(((ICommunicationObject)this).BeginOpen(null, null), ((ICommunicationObject)this).EndOpen);

    /// <summary>Called by the constructors that take an endpoint configuration; a partial class may set credentials or behaviors.</summary>
    static partial void ConfigureEndpoint(ServiceEndpoint serviceEndpoint, ClientCredentials clientCredentials);

    private static Binding GetBindingForEndpoint(EndpointConfiguration endpointConfiguration)
    {
        if (endpointConfiguration == EndpointConfiguration.ErpBridgeServiceSoap11)
        {
            return new BasicHttpBinding
            {
                MaxBufferSize = int.MaxValue,
                ReaderQuotas = XmlDictionaryReaderQuotas.Max,
                MaxReceivedMessageSize = int.MaxValue,
                AllowCookies = true,
            };
        }

        if (endpointConfiguration == EndpointConfiguration.ErpBridgeServiceSoap12)
        {
            var encoding = new TextMessageEncodingBindingElement(MessageVersion.CreateVersion(EnvelopeVersion.Soap12, AddressingVersion.None), Encoding.UTF8);
            var transport = new HttpTransportBindingElement
            {
                AllowCookies = true,
                MaxBufferSize = int.MaxValue,
                MaxReceivedMessageSize = int.MaxValue,
            };
            return new CustomBinding(encoding, transport);
        }

        throw new InvalidOperationException($"Could not find endpoint with name '{endpointConfiguration}'.");
    }

    private static EndpointAddress GetEndpointAddress(EndpointConfiguration endpointConfiguration) => endpointConfiguration switch
    {
        EndpointConfiguration.ErpBridgeServiceSoap11 or EndpointConfiguration.ErpBridgeServiceSoap12 => new EndpointAddress("http://localhost:5080/ErpBridgeService.svc"),
        _ => throw new InvalidOperationException($"Could not find endpoint with name '{endpointConfiguration}'."),
    };
}
