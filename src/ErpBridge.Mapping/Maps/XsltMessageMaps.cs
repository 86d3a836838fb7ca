using System.Xml.Linq;
using ErpBridge.Core.Messages;

namespace ErpBridge.Mapping.Maps;

/// <summary>The delivery's maps are the XSLT files: inbound/{DocumentType}, outbound/{platform}/{MessageType}.</summary>
public sealed class XsltMessageMaps(XsltMapEngine engine) : IMessageMaps
{
    public XDocument ToCanonical(string documentType, XElement document, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
    {
        if (!engine.TryGetInbound(documentType, out var map))
        {
            throw new MappingFailedException($"no inbound map for document type '{documentType}' (expected xslt/inbound/{documentType}.xslt)");
        }

        return Run(map, new XDocument(document), parameters, cancellationToken);
    }

    public XDocument ToPlan(string platform, MessageType type, XDocument canonical, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
    {
        if (!engine.TryGetOutbound(platform, type.ToString(), out var map))
        {
            throw new MappingFailedException($"no outbound map for {type} on {platform} (expected xslt/outbound/{platform}/{type}.xslt)");
        }

        return Run(map, canonical, parameters, cancellationToken);
    }

    private XDocument Run(string map, XDocument input, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
    {
        try
        {
            return engine.Transform(map, input, parameters, cancellationToken);
        }
        catch (MapException ex)
        {
            throw new MappingFailedException($"{map}: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new MappingFailedException(ex.Message, ex);
        }
    }
}
