using System.Xml.Linq;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Orders;

namespace ErpBridge.Core.Routing;

/// <summary>
/// The channel of each shipment, from the order it ships: the channel of the order the bridge fetched from a store
/// with that order number. SAP knows no web channel, so a shipment may name none; one that names a channel must agree
/// with the stored order, and an order number the bridge never fetched is refused whether or not a channel is named. Shipments are not routed by configuration: each goes to its own order's store, so one
/// message may go to several channels, each channel's map taking only the shipments that name it.
/// </summary>
public sealed class ShipmentRouter(Router router, IOrderStore orders)
{
    /// <summary>The channel of each shipment, in their order, spelt as configured.</summary>
    /// <exception cref="IntakeRejectedException">
    /// UnknownOrder, AmbiguousOrder, ChannelMismatch or UnknownChannel, for the first shipment that cannot be resolved;
    /// the message is then refused whole.
    /// </exception>
    public async Task<IReadOnlyList<string>> ResolveAsync(IReadOnlyList<ShipmentAddress> shipments, CancellationToken cancellationToken)
    {
        var numbers = shipments.Select(s => LookupKey(s.OrderNumber)).Distinct(StringComparer.Ordinal).ToList();
        var stored = await orders.ChannelsOfOrderNumbersAsync(numbers, cancellationToken);
        return shipments.Select(s => Resolve(s, stored.GetValueOrDefault(LookupKey(s.OrderNumber)) ?? [])).ToList();
    }

    /// <summary>
    /// Resolves the shipments of a canonical SubmitShipments message (an inbound map's output) and writes each one's
    /// channel into it, so that every channel's outbound map finds the shipments that are its own.
    /// </summary>
    /// <returns>The message's channels, once each, in the order of their first shipment.</returns>
    public async Task<IReadOnlyList<string>> RouteAsync(XDocument canonical, CancellationToken cancellationToken)
    {
        XNamespace ns = XmlNamespaces.Shipments;
        var elements = canonical.Descendants(ns + "Shipment").ToList();
        var addresses = elements.Select(e => new ShipmentAddress(
            (string?)e.Element(ns + "Channel"),
            ((string?)e.Element(ns + "OrderNumber"))?.Trim() ?? "",
            ((string?)e.Element(ns + "ShipmentId"))?.Trim() ?? "")).ToList();
        var channels = await ResolveAsync(addresses, cancellationToken);
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].Element(ns + "Channel") is { } named)
            {
                named.Value = channels[i];
            }
            else
            {
                elements[i].AddFirst(new XElement(ns + "Channel", channels[i]));
            }
        }

        return channels.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The order number as stored orders carry it: canonical orders hold the shop's number without Shopify's '#'
    /// ("1001" for order "#1001"), while an ERP may keep it with the '#'.
    /// </summary>
    public static string LookupKey(string orderNumber) => orderNumber.Trim().TrimStart('#').Trim();

    private string Resolve(ShipmentAddress shipment, IReadOnlyList<string> orderChannels)
    {
        var number = shipment.OrderNumber.Trim();
        var configured = orderChannels.Select(router.ConfiguredChannel).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (!string.IsNullOrWhiteSpace(shipment.Channel))
        {
            var named = router.ConfiguredChannel(shipment.Channel.Trim())
                ?? throw new IntakeRejectedException(FaultCodes.UnknownChannel, $"Shipment '{shipment.ShipmentId}': channel '{shipment.Channel.Trim()}' is not configured.");

            // A named channel is checked against the fetched order like any other: an order the bridge never fetched
            // would be accepted here and only fail on the store, where SAP's operators never look.
            return orderChannels.Count == 0 ? throw UnknownOrder(shipment, number)
                : configured.Contains(named, StringComparer.Ordinal) ? named
                : throw new IntakeRejectedException(
                    FaultCodes.ChannelMismatch,
                    $"Shipment '{shipment.ShipmentId}' names channel '{named}', but order '{number}' is an order of {List(orderChannels)}. Send it without Channel, or with the order's channel.");
        }

        return (orderChannels.Count, configured.Count) switch
        {
            (0, _) => throw UnknownOrder(shipment, number),
            (_, 0) => throw new IntakeRejectedException(
                FaultCodes.UnknownChannel,
                $"Shipment '{shipment.ShipmentId}': order '{number}' is an order of {List(orderChannels)}, which is no longer configured."),
            (_, 1) => configured[0],
            _ => throw new IntakeRejectedException(
                FaultCodes.AmbiguousOrder,
                $"Shipment '{shipment.ShipmentId}': order number '{number}' is carried by orders of {List(configured)}. Name the Channel of the store the order is from."),
        };
    }

    private static IntakeRejectedException UnknownOrder(ShipmentAddress shipment, string number) => new(
        FaultCodes.UnknownOrder,
        $"Shipment '{shipment.ShipmentId}': no order with number '{number}' was fetched from any store. A shipment is accepted only for an order the bridge has fetched; send it once the order poll has fetched the order.");

    private static string List(IEnumerable<string> channels) =>
        string.Join(" and ", channels.Order(StringComparer.Ordinal).Select(c => $"channel '{c}'"));
}
