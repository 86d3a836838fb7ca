using System.Xml.Linq;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>Canonical shipment messages, turned into plans by the real outbound map xslt/outbound/woocommerce/Shipments.xslt.</summary>
internal static class WooCommerceShipmentMessages
{
    public static XDocument Message(string messageId, params CanonicalShipment[] shipments) =>
        CanonicalMessages.Shipments(new MessageHeader(messageId, "2026-11-25T16:00:00Z", "SAP-ECC-PRD"), "2026-11-25T15:40:00Z", shipments);

    /// <param name="mode">The channel's ShipmentMode; null leaves the map parameter out (the map's default).</param>
    public static RequestPlan Plan(string channel, string? mode, string messageId, params CanonicalShipment[] shipments) =>
        RepositoryMaps.Plan("outbound/woocommerce/Shipments", Message(messageId, shipments), channel, messageId,
            mode is null ? null : new Dictionary<string, string> { ["shipment-mode"] = mode });
}
