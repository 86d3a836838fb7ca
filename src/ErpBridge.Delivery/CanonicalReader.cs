using System.Xml;
using System.Xml.Linq;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Maps;

namespace ErpBridge.Delivery;

/// <summary>
/// The canonical message of a claimed delivery: the payload of a canonical message, the canonical message a raw
/// document's inbound map made at the door, or (for documents stored before the door mapped them) the inbound map's
/// output now.
/// </summary>
public sealed class CanonicalReader(IMessageMaps maps, BridgeOptions? options = null)
{
    /// <summary>Whether reading the claim runs a map (the inbound map of a document stored before the door mapped documents), or only parses a canonical message.</summary>
    public static bool NeedsMap(ClaimedDelivery claim) => claim.Type == MessageType.Document && claim.Canonical is null;

    /// <exception cref="MappingFailedException">The payload does not parse, or its inbound map fails or yields no canonical message.</exception>
    /// <param name="cancellationToken">Stops a running inbound map (the message's time budget).</param>
    public CanonicalMessage Read(ClaimedDelivery claim, CancellationToken cancellationToken = default)
    {
        if (NeedsMap(claim))
        {
            var (type, canonical) = InboundDocuments.ToCanonical(maps, claim.MessageId, claim.DocumentType, claim.SentAt, claim.Payload, options?.DocumentTypes, cancellationToken);
            return CanonicalMessage.Parse(type, canonical);
        }

        XDocument stored;
        try
        {
            stored = XDocument.Parse(claim.Canonical ?? claim.Payload);
        }
        catch (XmlException ex)
        {
            throw new MappingFailedException($"the stored {(claim.Canonical is null ? "payload" : "canonical message")} does not parse ({ex.Message})", ex);
        }

        return claim.Type != MessageType.Document
            ? CanonicalMessage.Parse(claim.Type, stored)
            : CanonicalMessage.Parse(
                CanonicalMessage.TypeOf(stored) ?? throw new MappingFailedException($"the stored canonical message is {stored.Root?.Name}, not a canonical message"),
                stored);
    }
}
