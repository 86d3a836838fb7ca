using System.Xml.Linq;
using ErpBridge.Core.Messages;
using ErpBridge.Mapping.Maps;

namespace ErpBridge.ErpPush;

/// <summary>
/// Makes the Document of a hand-over from a canonical order: the order itself, or the output of the route's ERP map
/// (e.g. <c>erp/ORDERS05</c>) run through the shared <see cref="XsltMapEngine"/> with the parameters <c>change-type</c>
/// and <c>message-id</c> on top of the route's own map parameters (sender, partner, sales organization, ...).
/// </summary>
public sealed class ErpDocumentBuilder(XsltMapEngine engine)
{
    private static readonly XName OrderRoot = XName.Get("Order", XmlNamespaces.Orders);

    /// <exception cref="ArgumentException">The order is not an ord:Order, or the change type is unknown.</exception>
    /// <exception cref="MapException">The map is missing, broken or rejected the order; pushing cannot succeed until the map or order changes.</exception>
    public XElement Build(
        XDocument order,
        string changeType,
        string messageId,
        string? mapName,
        IReadOnlyDictionary<string, string>? mapParameters = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        if (order.Root?.Name != OrderRoot)
        {
            throw new ArgumentException($"Expected a canonical order ({OrderRoot}), got {order.Root?.Name.ToString() ?? "an empty document"}.", nameof(order));
        }

        if (!ErpChangeType.IsValid(changeType))
        {
            throw new ArgumentException($"ChangeType must be New, Update or Cancellation, not '{changeType}'.", nameof(changeType));
        }

        if (string.IsNullOrWhiteSpace(mapName))
        {
            return new XElement(order.Root);
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in mapParameters ?? new Dictionary<string, string>())
        {
            parameters[name] = value;
        }

        parameters["change-type"] = changeType;
        parameters["message-id"] = messageId;
        var output = engine.Transform(mapName, order, parameters);
        return output.Root!;
    }
}
