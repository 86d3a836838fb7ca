using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;

namespace ErpBridge.Soap.Contract;

/// <summary>doc:SubmitDocument: a raw ERP document, stored as sent until its inbound map runs.</summary>
[MessageContract(WrapperName = "SubmitDocument", WrapperNamespace = Ns.Documents, IsWrapped = true)]
[XmlRoot("SubmitDocument", Namespace = Ns.Documents)]
[XmlType(Namespace = Ns.Documents)]
public sealed class SubmitDocumentRequest : IEnvelopeFields
{
    [MessageBodyMember(Namespace = Ns.Documents, Order = 0)]
    [XmlElement(Order = 0)]
    public string MessageId { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Documents, Order = 1)]
    [XmlElement(Order = 1)]
    public string SentAt { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Documents, Order = 2)]
    [XmlElement(Order = 2)]
    public string SourceSystem { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Documents, Order = 3)]
    [XmlElement(Order = 3)]
    public string DocumentType { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Documents, Order = 4)]
    [XmlElement(Order = 4)]
    public DocumentPayload Payload { get; set; } = new();
}

[XmlType(Namespace = Ns.Documents)]
public sealed class DocumentPayload
{
    [XmlAnyElement]
    public XmlElement? Content { get; set; }
}

[MessageContract(WrapperName = "SubmitDocumentResponse", WrapperNamespace = Ns.Documents, IsWrapped = true)]
public sealed class SubmitDocumentResponse
{
    [MessageBodyMember(Namespace = Ns.Documents, Order = 0)]
    public ReceiptDto Receipt { get; set; } = new();
}
