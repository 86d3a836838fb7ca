using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.Magento;

/// <summary>Request plans made by the repository's own Magento outbound maps from canonical messages, for channel "magento-test".</summary>
internal static class MagentoPlans
{
    private const string Channel = "magento-test";

    public sealed record StockLine(string Sku, string Location, int Quantity);

    public sealed record ShipmentData(string OrderNumber, string ShipmentId, string Carrier, string TrackingNumber, string? TrackingUrl, params (string Sku, int Quantity)[] Lines)
    {
        public string Channel { get; init; } = MagentoPlans.Channel;
    }

    public static RequestPlan Stock(string messageId, params StockLine[] lines) => RepositoryMaps.Plan("outbound/magento/Inventory",
        CanonicalMessages.Inventory(Header(messageId), lines.Select(l => (l.Sku, l.Location, l.Quantity))), Channel, messageId);

    public static RequestPlan Products(string messageId, params CanonicalProduct[] products) => RepositoryMaps.Plan("outbound/magento/Products",
        CanonicalMessages.Products(Header(messageId), products), Channel, messageId);

    /// <summary>A plan for channel "magento-test" from a shipments message holding these shipments.</summary>
    public static RequestPlan Shipments(string messageId, params ShipmentData[] shipments) => RepositoryMaps.Plan("outbound/magento/Shipments",
        CanonicalMessages.Shipments(Header(messageId), "2026-11-25T13:00:00Z",
            shipments.Select(s => new CanonicalShipment(s.Channel, s.OrderNumber, s.ShipmentId, s.Carrier, s.TrackingNumber, s.TrackingUrl, s.Lines))),
        Channel, messageId);

    private static MessageHeader Header(string messageId) => new(messageId, "2026-11-25T14:30:00Z", "SAP");
}
