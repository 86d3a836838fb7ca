using System.Reflection;
using System.ServiceModel;
using System.Text;
using System.Xml;
using System.Xml.Serialization;
using ErpBridge.Soap.Contract;

namespace ErpBridge.Soap;

/// <summary>
/// The intake operations (SubmitInventory, SubmitProducts, SubmitShipments, SubmitDocument), which the envelope gate
/// runs itself. The gate has parsed and validated the request already; reading the request object from that same
/// validating reader saves the second parse SoapCore would make (into an XDocument, then through the serializer) and
/// its per-request reflection, which together cost about a third of an accept. The other operations go on to SoapCore.
/// Requests and responses are read and written by XmlSerializer from the contract types, as SoapCore does.
/// </summary>
public sealed class IntakeDispatch
{
    private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };

    private readonly Dictionary<string, IntakeOperation> byName = new(StringComparer.Ordinal)
    {
        [nameof(IErpBridgeService.SubmitInventory)] = IntakeOperation.Of<SubmitInventoryRequest, SubmitInventoryResponse>((s, r) => s.SubmitInventory(r)),
        [nameof(IErpBridgeService.SubmitProducts)] = IntakeOperation.Of<SubmitProductsRequest, SubmitProductsResponse>((s, r) => s.SubmitProducts(r)),
        [nameof(IErpBridgeService.SubmitShipments)] = IntakeOperation.Of<SubmitShipmentsRequest, SubmitShipmentsResponse>((s, r) => s.SubmitShipments(r)),
        [nameof(IErpBridgeService.SubmitDocument)] = IntakeOperation.Of<SubmitDocumentRequest, SubmitDocumentResponse>((s, r) => s.SubmitDocument(r)),
    };

    /// <summary>The intake operation of this name, or null for operations SoapCore runs.</summary>
    public IntakeOperation? Find(string operationName) => byName.GetValueOrDefault(operationName);

    /// <summary>The response envelope: soap:Envelope, soap:Body and the operation's wrapped response, as UTF-8.</summary>
    public static byte[] ResponseEnvelope(SoapVersion version, IntakeOperation operation, object response)
    {
        using var buffer = new MemoryStream(1024);
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            var env = version.EnvelopeNamespace();
            writer.WriteStartElement("s", "Envelope", env);
            writer.WriteStartElement("s", "Body", env);
            operation.WriteResponse(writer, response);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }
}

/// <summary>One intake operation: its request serializer, the service method, and its response serializer.</summary>
public sealed class IntakeOperation
{
    private readonly XmlSerializer request;
    private readonly XmlSerializer response;
    private readonly XmlSerializerNamespaces responseNamespaces = new();
    private readonly Func<ErpBridgeService, object, Task<object>> invoke;

    private IntakeOperation(Type requestType, Type responseType, Func<ErpBridgeService, object, Task<object>> invoke)
    {
        request = CanonicalXml.SerializerFor(requestType);

        // The response is a wrapped message contract: its wrapper element becomes the root, and its body members must
        // be in the wrapper's namespace, which is where XmlSerializer puts the members of a type without XmlType.
        var wrapper = responseType.GetCustomAttribute<MessageContractAttribute>()
            ?? throw new InvalidOperationException($"{responseType.Name} is not a message contract.");
        var members = responseType.GetProperties().Select(p => p.GetCustomAttribute<MessageBodyMemberAttribute>()).OfType<MessageBodyMemberAttribute>();
        if (!wrapper.IsWrapped || members.Any(m => m.Namespace != wrapper.WrapperNamespace))
        {
            throw new InvalidOperationException($"{responseType.Name} must be wrapped with its body members in the wrapper's namespace.");
        }

        response = new XmlSerializer(responseType, new XmlRootAttribute(wrapper.WrapperName) { Namespace = wrapper.WrapperNamespace });
        responseNamespaces.Add("", wrapper.WrapperNamespace);
        this.invoke = invoke;
    }

    public static IntakeOperation Of<TRequest, TResponse>(Func<ErpBridgeService, TRequest, Task<TResponse>> method)
        where TRequest : class, IEnvelopeFields
        where TResponse : class =>
        new(typeof(TRequest), typeof(TResponse), async (service, value) => await method(service, (TRequest)value));

    /// <summary>
    /// Reads the request element from <paramref name="validating"/>, a reader that validates against the contract as
    /// it goes (so a violation surfaces as the serializer's InvalidOperationException around the validation error).
    /// </summary>
    public IEnvelopeFields Read(XmlReader validating) => (IEnvelopeFields)request.Deserialize(validating)!;

    public Task<object> InvokeAsync(ErpBridgeService service, object value) => invoke(service, value);

    public void WriteResponse(XmlWriter writer, object value) => response.Serialize(writer, value, responseNamespaces);
}
