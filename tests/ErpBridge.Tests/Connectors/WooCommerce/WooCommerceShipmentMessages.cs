using System.Xml.Linq;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Mapping;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>Canonical shipment messages, turned into plans by the real outbound map xslt/outbound/woocommerce/Shipments.xslt.</summary>
internal static class WooCommerceShipmentMessages
{
    private static readonly XNamespace Ship = "urn:erpbridge:shipments:v1";
    private static readonly Lazy<XsltMapEngine> Engine = new(() => new XsltMapEngine(new XsltMapEngineOptions { Root = RepositoryFolders.Xslt, WatchFiles = false }));

    public sealed record ShipmentData(string Channel, string OrderNumber, string ShipmentId, string Carrier, string TrackingNumber, string? TrackingUrl, params (string Sku, int Quantity)[] Lines);

    public static XDocument Message(string messageId, params ShipmentData[] shipments) => new(
        new XElement(Ship + "SubmitShipments",
            new XElement(Ship + "MessageId", messageId),
            new XElement(Ship + "SentAt", "2026-11-25T16:00:00Z"),
            new XElement(Ship + "SourceSystem", "SAP-ECC-PRD"),
            new XElement(Ship + "Shipments", shipments.Select(s => new XElement(Ship + "Shipment",
                new XElement(Ship + "Channel", s.Channel),
                new XElement(Ship + "OrderNumber", s.OrderNumber),
                new XElement(Ship + "ShipmentId", s.ShipmentId),
                new XElement(Ship + "Carrier", s.Carrier),
                new XElement(Ship + "TrackingNumber", s.TrackingNumber),
                s.TrackingUrl is null ? null : new XElement(Ship + "TrackingUrl", s.TrackingUrl),
                new XElement(Ship + "ShippedAt", "2026-11-25T15:40:00Z"),
                new XElement(Ship + "Lines", s.Lines.Select(l => new XElement(Ship + "Line",
                    new XElement(Ship + "Sku", l.Sku), new XElement(Ship + "Quantity", l.Quantity)))))))));

    /// <param name="mode">The channel's ShipmentMode; null leaves the map parameter out (the map's default).</param>
    public static RequestPlan Plan(string channel, string? mode, string messageId, params ShipmentData[] shipments)
    {
        var parameters = new Dictionary<string, string>
        {
            ["message-id"] = messageId,
            ["channel"] = channel,
            ["idempotency-key"] = $"{messageId}:{channel}:1",
        };
        if (mode is not null)
        {
            parameters["shipment-mode"] = mode;
        }

        return RequestPlan.Parse(Engine.Value.Transform("outbound/woocommerce/Shipments", Message(messageId, shipments), parameters));
    }
}
