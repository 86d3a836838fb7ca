using System.Xml;
using System.Xml.Linq;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Routing;

namespace ErpBridge.Mapping.Maps;

/// <summary>
/// A stored SubmitDocument request through its inbound map: the one way the intake (at the door) and delivery (for
/// documents stored before the door mapped them) turn a raw document into its canonical message.
/// </summary>
public static class InboundDocuments
{
    /// <param name="submitDocument">The SubmitDocument request as stored: its Payload element holds the document.</param>
    /// <param name="documentTypes">The configured document types, whose MapParameters the map is given besides the envelope's.</param>
    /// <exception cref="MappingFailedException">The request does not parse, has no document, or its map fails or makes no canonical message.</exception>
    public static (MessageType Type, XDocument Canonical) ToCanonical(
        IMessageMaps maps, string messageId, string? documentType, DateTimeOffset sentAt, string submitDocument, IReadOnlyDictionary<string, DocumentTypeOptions>? documentTypes, CancellationToken cancellationToken)
    {
        XDocument request;
        try
        {
            request = XDocument.Parse(submitDocument);
        }
        catch (XmlException ex)
        {
            throw new MappingFailedException($"the stored payload does not parse ({ex.Message})", ex);
        }

        XNamespace ns = XmlNamespaces.Documents;
        var document = request.Root?.Element(ns + "Payload")?.Elements().FirstOrDefault()
            ?? throw new MappingFailedException("the document has no payload element");
        var configured = documentTypes is not null && documentTypes.TryGetValue(documentType ?? "", out var options) ? options : null;
        var canonical = maps.ToCanonical(
            configured?.Map ?? documentType ?? "",
            document,
            MapParameters.Inbound(
                messageId,
                sentAt,
                request.Root!.Element(ns + "SourceSystem")?.Value ?? "",
                configured?.MapParameters),
            cancellationToken);
        var type = CanonicalMessage.TypeOf(canonical)
            ?? throw new MappingFailedException($"the inbound map for {documentType} produced {canonical.Root?.Name.ToString() ?? "no element"}, not a canonical message");
        return (type, canonical);
    }
}
