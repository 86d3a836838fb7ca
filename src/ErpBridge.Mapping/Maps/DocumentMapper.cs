using System.Xml.Linq;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Routing;

namespace ErpBridge.Mapping.Maps;

/// <summary>The intake's inbound mapping over the XSLT maps: a map's refusal becomes the MappingFailed fault, with the map's message as its reason.</summary>
public sealed class DocumentMapper(IMessageMaps maps, BridgeOptions options) : IDocumentMapper
{
    public XDocument ToCanonical(IncomingMessage message, MessageType produces, CancellationToken cancellationToken)
    {
        try
        {
            var (type, canonical) = InboundDocuments.ToCanonical(maps, message.MessageId, message.DocumentType, message.SentAt, message.Payload, options.DocumentTypes, cancellationToken);
            return type == produces
                ? canonical
                : throw new MappingFailedException($"the inbound map for {message.DocumentType} produced a {type} message, but the document type is configured to produce {produces}");
        }
        catch (MappingFailedException ex)
        {
            throw new IntakeRejectedException(FaultCodes.MappingFailed, $"DocumentType '{message.DocumentType}' could not be mapped: {ex.Message}. The document was not stored.");
        }
    }
}
