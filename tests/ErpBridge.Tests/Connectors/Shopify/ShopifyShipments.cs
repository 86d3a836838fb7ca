using System.Globalization;
using System.Xml.Linq;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Mapping;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>Canonical shipment messages, turned into request plans by the committed Shopify Shipments map.</summary>
public static class ShopifyShipments
{
    public const string MapName = "outbound/shopify/Shipments";

    private static readonly XNamespace Ship = "urn:erpbridge:shipments:v1";

    private static readonly Lazy<XsltMapEngine> Engine = new(() => new XsltMapEngine(new XsltMapEngineOptions { Root = RepositoryFolders.Xslt, WatchFiles = false }));

    /// <summary>One shipment of an order, on a channel.</summary>
    public sealed record Shipment(string Channel, string OrderNumber, string ShipmentId, string Carrier, string TrackingNumber, string? TrackingUrl, params (string Sku, int Quantity)[] Lines);

    public static XDocument Message(string messageId, params Shipment[] shipments) => new(
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
                new XElement(Ship + "ShippedAt", "2026-11-25T15:00:00Z"),
                new XElement(Ship + "Lines", s.Lines.Select(l => new XElement(Ship + "Line",
                    new XElement(Ship + "Sku", l.Sku),
                    new XElement(Ship + "Quantity", l.Quantity.ToString(CultureInfo.InvariantCulture))))))))));

    /// <summary>The plan the map writes for <paramref name="channel"/>, with the parameters the delivery runner passes.</summary>
    public static RequestPlan Plan(XDocument message, string channel, string messageId)
    {
        var parameters = new Dictionary<string, string>
        {
            ["message-id"] = messageId,
            ["channel"] = channel,
            ["idempotency-key"] = $"{messageId}:{channel}:1",
        };
        return RequestPlan.Parse(Engine.Value.Transform(MapName, message, parameters));
    }

    public static RequestPlan Plan(string channel, string messageId, params Shipment[] shipments) => Plan(Message(messageId, shipments), channel, messageId);
}
