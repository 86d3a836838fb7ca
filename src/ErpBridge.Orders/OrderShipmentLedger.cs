using System.Xml;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Operators;
using ErpBridge.Core.Orders;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Orders;

/// <summary>
/// The labels of an order as part of the order the ERP takes: a label a shipping channel bought becomes an
/// <c>ord:Shipments/ord:Shipment</c> of the stored order, and so its next revision (offered to FetchOrders as an
/// Update, or pushed); the store's later revisions of the order keep the shipments the bridge recorded. Only the
/// bridge writes them: a store map never makes that element.
/// </summary>
/// <param name="browser">Where the stored order is read whole; without one (a host without storage) nothing is recorded.</param>
public sealed class OrderShipmentLedger(IOrderStore store, OrdersOptions options, TimeProvider time, ILogger<OrderShipmentLedger> logger, IOrderBrowser? browser = null)
{
    private static readonly XNamespace Ns = XmlNamespaces.Orders;

    /// <summary>Records the label on its order (a new revision) unless the order has that shipment already; true when it made a revision.</summary>
    public async Task<bool> RecordAsync(string shippingChannel, ShippedLabel label, string shipmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (browser is null || await browser.GetOrderAsync(label.OrderKey, cancellationToken) is not { } stored)
        {
            return false;
        }

        var document = XDocument.Parse(stored.CanonicalXml);
        var shipments = document.Root!.Element(Ns + "Shipments");
        if (shipments?.Elements(Ns + "Shipment").Any(s => (string?)s.Element(Ns + "ShipmentId") == shipmentId) == true)
        {
            return false;
        }

        if (shipments is null)
        {
            shipments = new XElement(Ns + "Shipments");
            document.Root.Add(shipments);
        }

        shipments.Add(new XElement(
            Ns + "Shipment",
            new XElement(Ns + "ShipmentId", shipmentId),
            new XElement(Ns + "Channel", shippingChannel),
            new XElement(Ns + "Carrier", label.Carrier),
            new XElement(Ns + "TrackingNumber", label.TrackingNumber),
            new XElement(Ns + "ShippedAt", XmlConvert.ToString(label.CreatedAt.UtcDateTime, XmlDateTimeSerializationMode.Utc)),
            new XElement(Ns + "Lines", label.Lines.Select(l => new XElement(Ns + "Line", new XElement(Ns + "Sku", l.Sku), new XElement(Ns + "Quantity", l.Quantity))))));
        var summary = stored.Summary;
        var revision = CanonicalOrders.Revision(summary.Channel, new PlatformOrder(stored.PlatformOrderId, summary.OrderNumber, stored.PlatformUpdatedAt, ""), document);
        var result = await store.UpsertAsync([revision], options.For(summary.Channel).Handover, time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Order {OrderId}: label {ShipmentId} ({TrackingNumber}) recorded as a new revision for the ERP", summary.OrderId, shipmentId, label.TrackingNumber);
        return result.Changed > 0;
    }

    /// <summary>
    /// The revisions a store poll read, each with the shipments the bridge recorded on its stored order (a store's order
    /// carries none of its own), so that a later change in the store does not drop them.
    /// </summary>
    public async Task<IReadOnlyList<OrderRevision>> CarryOverAsync(IReadOnlyList<OrderRevision> revisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        if (browser is null)
        {
            return revisions;
        }

        var result = new List<OrderRevision>(revisions.Count);
        foreach (var revision in revisions)
        {
            var stored = await browser.GetOrderAsync(revision.OrderId, cancellationToken);
            var shipments = stored is null ? null : XDocument.Parse(stored.CanonicalXml).Root!.Element(Ns + "Shipments");
            if (shipments is null)
            {
                result.Add(revision);
                continue;
            }

            var document = XDocument.Parse(revision.CanonicalXml);
            document.Root!.Element(Ns + "Shipments")?.Remove();
            document.Root.Add(shipments);
            result.Add(CanonicalOrders.Revision(revision.Channel, new PlatformOrder(revision.PlatformOrderId, revision.OrderNumber, revision.PlatformUpdatedAt, ""), document));
        }

        return result;
    }
}
