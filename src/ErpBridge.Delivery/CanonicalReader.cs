using System.Xml;
using System.Xml.Linq;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Maps;

namespace ErpBridge.Delivery;

/// <summary>
/// The canonical message of a claimed delivery; raw documents go through their inbound map first, with their document
/// type's configured MapParameters (when <paramref name="options"/> is given).
/// </summary>
public sealed class CanonicalReader(IMessageMaps maps, BridgeOptions? options = null)
{
    /// <summary>Whether reading the claim runs a map (a raw document's inbound map), or only parses a canonical message.</summary>
    public static bool NeedsMap(ClaimedDelivery claim) => claim.Type == MessageType.Document;

    /// <exception cref="MappingFailedException">The payload does not parse, or its inbound map fails or yields no canonical message.</exception>
    /// <param name="cancellationToken">Stops a running inbound map (the message's time budget).</param>
    public CanonicalMessage Read(ClaimedDelivery claim, CancellationToken cancellationToken = default)
    {
        XDocument payload;
        try
        {
            payload = XDocument.Parse(claim.Payload);
        }
        catch (XmlException ex)
        {
            throw new MappingFailedException($"the stored payload does not parse ({ex.Message})", ex);
        }

        if (claim.Type != MessageType.Document)
        {
            return CanonicalMessage.Parse(claim.Type, payload);
        }

        XNamespace ns = XmlNamespaces.Documents;
        var document = payload.Root?.Element(ns + "Payload")?.Elements().FirstOrDefault()
            ?? throw new MappingFailedException("the document has no payload element");
        var canonical = maps.ToCanonical(
            claim.DocumentType ?? "",
            document,
            MapParameters.Inbound(
                claim.MessageId,
                claim.SentAt,
                payload.Root!.Element(ns + "SourceSystem")?.Value ?? "",
                options is not null && options.DocumentTypes.TryGetValue(claim.DocumentType ?? "", out var documentType) ? documentType.MapParameters : null),
            cancellationToken);
        var type = CanonicalMessage.TypeOf(canonical)
            ?? throw new MappingFailedException($"the inbound map for {claim.DocumentType} produced {canonical.Root?.Name}, not a canonical message");
        return CanonicalMessage.Parse(type, canonical);
    }
}
