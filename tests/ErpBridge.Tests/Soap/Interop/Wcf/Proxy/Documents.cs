// Messages of wsdl/Documents.xsd (urn:erpbridge:documents:v1), in the shape dotnet-svcutil generates.
#nullable disable
using System.ServiceModel;
using System.Xml;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Proxy;

/// <summary>
/// doc:SubmitDocument. Payload is a complex type holding exactly one xs:any; svcutil maps such a type to
/// <see cref="XmlElement"/>, written inside a doc:Payload element.
/// </summary>
[MessageContract(WrapperName = "SubmitDocument", WrapperNamespace = "urn:erpbridge:documents:v1", IsWrapped = true)]
public partial class SubmitDocumentRequest
{
    [MessageBodyMember(Namespace = "urn:erpbridge:documents:v1", Order = 0)]
    public string MessageId;

    [MessageBodyMember(Namespace = "urn:erpbridge:documents:v1", Order = 1)]
    public DateTime SentAt;

    [MessageBodyMember(Namespace = "urn:erpbridge:documents:v1", Order = 2)]
    public string SourceSystem;

    [MessageBodyMember(Namespace = "urn:erpbridge:documents:v1", Order = 3)]
    public string DocumentType;

    [MessageBodyMember(Namespace = "urn:erpbridge:documents:v1", Order = 4)]
    public XmlElement Payload;

    public SubmitDocumentRequest()
    {
    }

    public SubmitDocumentRequest(string MessageId, DateTime SentAt, string SourceSystem, string DocumentType, XmlElement Payload)
    {
        this.MessageId = MessageId;
        this.SentAt = SentAt;
        this.SourceSystem = SourceSystem;
        this.DocumentType = DocumentType;
        this.Payload = Payload;
    }
}

[MessageContract(WrapperName = "SubmitDocumentResponse", WrapperNamespace = "urn:erpbridge:documents:v1", IsWrapped = true)]
public partial class SubmitDocumentResponse
{
    [MessageBodyMember(Namespace = "urn:erpbridge:documents:v1", Order = 0)]
    public Receipt Receipt;

    public SubmitDocumentResponse()
    {
    }

    public SubmitDocumentResponse(Receipt Receipt) => this.Receipt = Receipt;
}
