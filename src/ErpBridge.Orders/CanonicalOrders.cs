using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Connectors;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Orders;
using ErpBridge.Mapping.Orders;

namespace ErpBridge.Orders;

/// <summary>Checks a mapped order against the contract (wsdl/Orders.xsd) and makes the revision the store keeps.</summary>
public sealed class CanonicalOrders(XmlSchemaSet schemas)
{
    private static readonly XName UpdatedAt = OrderMap.OrderElement.Namespace + "UpdatedAt";
    private static readonly XName Status = OrderMap.OrderElement.Namespace + "Status";

    /// <summary>Every validation error (empty when the order is a valid ord:Order).</summary>
    public IReadOnlyList<string> Validate(XDocument order)
    {
        if (order.Root?.Name != OrderMap.OrderElement)
        {
            return [$"the map produced {order.Root?.Name.ToString() ?? "nothing"}, not an ord:Order ({OrderMap.Namespace})"];
        }

        var errors = new List<string>();
        order.Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }

    /// <summary>
    /// The revision of a valid order. Its content hash leaves out UpdatedAt: a platform touch that changes nothing the
    /// ERP sees (a note by staff, a tag) is not offered to the ERP as a change.
    /// </summary>
    public static OrderRevision Revision(string channel, PlatformOrder source, XDocument order)
    {
        var xml = order.Root!.ToString(SaveOptions.DisableFormatting);
        var withoutTime = new XElement(order.Root);
        withoutTime.Element(UpdatedAt)?.Remove();
        return new OrderRevision(
            channel,
            source.PlatformOrderId,
            source.OrderNumber,
            source.UpdatedAt,
            (string?)order.Root!.Element(Status) == "Cancelled",
            xml,
            ContentHash.Of(withoutTime.ToString(SaveOptions.DisableFormatting)));
    }
}
