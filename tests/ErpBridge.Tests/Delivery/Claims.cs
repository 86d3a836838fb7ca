using System.Xml.Linq;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;

namespace ErpBridge.Tests.Delivery;

/// <summary>Claimed deliveries as the store hands them out, with canonical payloads written for the test.</summary>
public static class Claims
{
    public const string Channel = "shop";

    public static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A stock message; <paramref name="sentAt"/> in minutes after <see cref="Start"/>, items as "SKU@LOCATION".</summary>
    public static ClaimedDelivery Stock(long deliveryId, string messageId, int sentAt, params string[] items) =>
        Claim(deliveryId, messageId, MessageType.Inventory, sentAt, $"""
            <SubmitInventory xmlns="{XmlNamespaces.Inventory}"><MessageId>{messageId}</MessageId><Items>{string.Concat(items.Select(i =>
                $"<Item><Sku>{i.Split('@')[0]}</Sku><Location>{i.Split('@')[1]}</Location><Quantity>5</Quantity></Item>"))}</Items></SubmitInventory>
            """);

    public static ClaimedDelivery Products(long deliveryId, string messageId, int sentAt, params string[] skus) =>
        Claim(deliveryId, messageId, MessageType.Products, sentAt, $"""
            <SubmitProducts xmlns="{XmlNamespaces.Products}"><MessageId>{messageId}</MessageId><Products>{string.Concat(skus.Select(s =>
                $"<Product><Sku>{s}</Sku><Title>{s}</Title></Product>"))}</Products></SubmitProducts>
            """);

    /// <summary>A shipment message naming these orders of the channel.</summary>
    public static ClaimedDelivery Shipments(long deliveryId, string messageId, params string[] orders) =>
        Claim(deliveryId, messageId, MessageType.Shipments, 0, $"""
            <SubmitShipments xmlns="{XmlNamespaces.Shipments}"><MessageId>{messageId}</MessageId><Shipments>{string.Concat(orders.Select(o =>
                $"<Shipment><Channel>{Channel}</Channel><OrderNumber>{o}</OrderNumber><ShipmentId>S-{messageId}</ShipmentId></Shipment>"))}</Shipments></SubmitShipments>
            """);

    public static ClaimedDelivery Claim(long deliveryId, string messageId, MessageType type, int sentAt, string payload, int attempts = 0) =>
        new(deliveryId, messageId, Channel, attempts, type, null, Start.AddMinutes(sentAt), Start.AddMinutes(sentAt).AddSeconds(deliveryId), payload);

    /// <summary>The claim read as the round reads it.</summary>
    public static CanonicalMessage Canonical(ClaimedDelivery claim) =>
        CanonicalMessage.Parse(claim.Type, XDocument.Parse(claim.Payload));
}
