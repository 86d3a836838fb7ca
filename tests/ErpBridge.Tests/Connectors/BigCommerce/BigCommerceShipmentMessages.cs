using System.Xml.Linq;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>Canonical shipment messages, turned into plans by the real outbound map xslt/outbound/bigcommerce/Shipments.xslt.</summary>
internal static class BigCommerceShipmentMessages
{
    public static XDocument Message(string messageId, params CanonicalShipment[] shipments) =>
        CanonicalMessages.Shipments(new MessageHeader(messageId, "2026-11-25T16:00:00Z", "SAP-ECC-PRD"), "2026-11-25T15:40:00Z", shipments);

    public static RequestPlan Plan(string channel, string messageId, params CanonicalShipment[] shipments) =>
        RepositoryMaps.Plan("outbound/bigcommerce/Shipments", Message(messageId, shipments), channel, messageId);
}
