using System.Xml.Linq;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>Canonical shipment messages, turned into request plans by the committed Shopify Shipments map.</summary>
public static class ShopifyShipments
{
    public const string MapName = "outbound/shopify/Shipments";

    public static XDocument Message(string messageId, params CanonicalShipment[] shipments) =>
        CanonicalMessages.Shipments(new MessageHeader(messageId, "2026-11-25T16:00:00Z", "SAP-ECC-PRD"), "2026-11-25T15:00:00Z", shipments);

    /// <summary>The plan the map writes for <paramref name="channel"/>, with the parameters the delivery runner passes.</summary>
    public static RequestPlan Plan(XDocument message, string channel, string messageId) => RepositoryMaps.Plan(MapName, message, channel, messageId);

    public static RequestPlan Plan(string channel, string messageId, params CanonicalShipment[] shipments) => Plan(Message(messageId, shipments), channel, messageId);
}
