using System.Xml;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Orders;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Orders;

/// <summary>
/// One poll of one shipping channel: reads the labels bought since its cursor (minus the overlap window), and turns
/// each label of an order the bridge forwarded into a SubmitShipments message for that order's own store channel,
/// which delivery then sends as it sends DELVRY07. The label's order is found by its key, the bridge's OrderId,
/// so no order-number look-up is needed. A label read again is the same MessageId (a duplicate); the cursor moves
/// only after every page was accepted, so a crash reads the same labels again.
/// </summary>
public sealed class ShipmentPoller(
    ConnectorRegistry connectors,
    IOrderStore store,
    OrdersOptions options,
    TimeProvider time,
    ILogger<ShipmentPoller> logger,
    IntakeService? intake = null,
    OrderShipmentLedger? ledger = null)
{
    /// <summary>The SourceSystem and client of shipment messages made from labels.</summary>
    public const string SourceSystem = "erpbridge-shipping";

    private static readonly XNamespace Ns = XmlNamespaces.Shipments;

    /// <summary>The channels whose connector reads labels (shipping channels).</summary>
    public IReadOnlyList<string> PollableChannels() =>
        connectors.DeliverableChannels().Where(c => connectors.For(c) is IShipmentSource).ToList();

    public async Task<ShipmentPollResult> PollAsync(string channel, CancellationToken cancellationToken)
    {
        if (connectors.For(channel) is not IShipmentSource source)
        {
            throw new InvalidOperationException($"Channel '{channel}': its connector cannot read shipments.");
        }

        var service = intake ?? throw new InvalidOperationException("The host registered no IntakeService to accept shipment messages.");
        var startedAt = time.GetUtcNow();
        var cursor = await store.GetCursorAsync(channel, cancellationToken) ?? startedAt - options.InitialLookback;
        var newest = cursor;
        int accepted = 0, skipped = 0;
        string? token = null;
        do
        {
            var result = await source.ReadShipmentsAsync(new ShipmentQuery(cursor - options.Overlap, token, options.PageSize), cancellationToken);
            if (result.Failure is { } failure)
            {
                var reason = failure.Describe();
                logger.LogWarning("Channel {Channel}: reading shipments failed ({Reason}); the cursor stays at {Cursor:O} and the next poll reads again", channel, reason, cursor);
                return new ShipmentPollResult(channel, accepted, skipped, cursor, reason);
            }

            var page = result.Page!;
            var orders = (await store.FindAsync(page.Labels.Select(l => l.OrderKey).Distinct(StringComparer.Ordinal).ToList(), cancellationToken))
                .ToDictionary(o => o.OrderId, StringComparer.Ordinal);
            foreach (var label in page.Labels)
            {
                newest = label.CreatedAt > newest ? label.CreatedAt : newest;
                if (Skip(channel, label, orders) is { } why)
                {
                    skipped++;
                    logger.LogInformation("Channel {Channel}: label {ShipmentId} (order {OrderNumber}) is not sent to a store: {Reason}", channel, label.ShipmentId, label.OrderNumber, why);
                    continue;
                }

                var order = orders[label.OrderKey];
                var message = Message(channel, label, order);

                // The order's revision first, then the store's message: both recognise what they did already, so a
                // crash between them is mended by the next poll reading the label again.
                if (ledger is not null)
                {
                    await ledger.RecordAsync(channel, label, ShipmentIdOf(channel, label), cancellationToken);
                }

                Receipt receipt;
                try
                {
                    receipt = await service.AcceptAsync(message, SourceSystem, $"shipment-poll-{channel}", cancellationToken);
                }
                catch (IntakeRejectedException ex)
                {
                    // The order's store channel is no longer configured: nothing to send it to, and no reason to hold
                    // back the labels after it.
                    skipped++;
                    logger.LogWarning("Channel {Channel}: label {ShipmentId} of order {OrderNumber} is not sent to a store: {Reason}", channel, label.ShipmentId, order.OrderNumber, ex.Message);
                    continue;
                }

                if (!receipt.Duplicate)
                {
                    accepted++;
                    logger.LogInformation(
                        "Channel {Channel}: label {ShipmentId} ({Carrier} {TrackingNumber}) of order {OrderNumber} sent to channel {Store} as message {MessageId}",
                        channel, label.ShipmentId, label.Carrier, label.TrackingNumber, order.OrderNumber, order.Channel, message.MessageId);
                }
            }

            token = page.NextPageToken;
        }
        while (token is not null);

        await store.SaveCursorAsync(channel, newest, startedAt, cancellationToken);
        return new ShipmentPollResult(channel, accepted, skipped, newest, null);
    }

    /// <summary>The shipment message of one label, for the store channel of its order.</summary>
    public static IncomingMessage Message(string channel, ShippedLabel label, OrderView order)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(order);
        var messageId = $"label:{channel}:{label.ShipmentId}";
        var document = new XElement(
            Ns + "SubmitShipments",
            new XElement(Ns + "MessageId", messageId),
            new XElement(Ns + "SentAt", XmlConvert.ToString(label.CreatedAt.UtcDateTime, XmlDateTimeSerializationMode.Utc)),
            new XElement(Ns + "SourceSystem", SourceSystem),
            new XElement(
                Ns + "Shipments",
                new XElement(
                    Ns + "Shipment",
                    new XElement(Ns + "Channel", order.Channel),
                    new XElement(Ns + "OrderNumber", order.OrderNumber),
                    new XElement(Ns + "ShipmentId", ShipmentIdOf(channel, label)),
                    new XElement(Ns + "Carrier", label.Carrier),
                    new XElement(Ns + "TrackingNumber", label.TrackingNumber),
                    label.TrackingUrl is { Length: > 0 } url ? new XElement(Ns + "TrackingUrl", url) : null,
                    new XElement(Ns + "ShippedAt", XmlConvert.ToString(label.CreatedAt.UtcDateTime, XmlDateTimeSerializationMode.Utc)),
                    new XElement(Ns + "Lines", label.Lines.Select(l => new XElement(Ns + "Line", new XElement(Ns + "Sku", l.Sku), new XElement(Ns + "Quantity", l.Quantity)))))));
        var payload = document.ToString(SaveOptions.DisableFormatting);
        return new IncomingMessage(messageId, MessageType.Shipments, null, SourceSystem, label.CreatedAt, payload, ContentHash.Of(payload), [], [order.Channel]);
    }

    /// <summary>The shipment's id in the store and in the order: <c>{shipping channel}:{label id}</c>, the label id alone beyond 64 characters.</summary>
    public static string ShipmentIdOf(string channel, ShippedLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var id = $"{channel}:{label.ShipmentId}";
        return id.Length <= 64 ? id : label.ShipmentId;
    }

    /// <summary>Why a label makes no shipment message, or null when it does.</summary>
    private static string? Skip(string channel, ShippedLabel label, Dictionary<string, OrderView> orders) =>
        label.Voided ? "the label is voided"
        : !orders.ContainsKey(label.OrderKey) ? $"its order key '{label.OrderKey}' is no order the bridge forwarded to channel '{channel}'"
        : label.Lines.Count == 0 ? "the label names no SKU and quantity"
        : null;
}
