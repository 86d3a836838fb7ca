using System.Xml.Linq;
using ErpBridge.Core.Messages;

namespace ErpBridge.Mapping.Maps;

/// <summary>
/// The XSLT maps as delivery, reconciliation and the dry run use them. Failures throw <see cref="MappingFailedException"/> with a reason fit for an operator.
/// A cancelled token stops a running map with <see cref="OperationCanceledException"/> (a message's time budget).
/// </summary>
public interface IMessageMaps
{
    /// <summary>Inbound: a raw ERP document (the content of SubmitDocument's Payload) → the canonical message.</summary>
    XDocument ToCanonical(string documentType, XElement document, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default);

    /// <summary>Outbound: a canonical message → the request plan for a platform.</summary>
    XDocument ToPlan(string platform, MessageType type, XDocument canonical, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default);
}
