using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Reads the orders a shipment plan names, fresh for every plan (shipments change them, so nothing is cached):
/// <c>GET orders/{number}</c> (the order number is the order id; a number that is not one is "not found" without a
/// request), then <c>GET orders/{id}/fulfillments</c> or <c>GET orders/{id}/notes</c> when the plan asks whether a
/// fulfillment or a note already exists.
/// </summary>
internal sealed class WooCommerceShipmentResolver(ConnectorTransport transport, string channel)
{
    private static readonly KeyValuePair<string, string>[] None = [];

    /// <summary>Facts per order number (null = no such order), or the failure a look-up came to.</summary>
    public async Task<(Dictionary<string, WooCommerceOrderFacts?>? Orders, DeliveryOutcome? Failure)> LookUpAsync(
        IEnumerable<(string Kind, string Key)> references, CancellationToken cancellationToken)
    {
        var wanted = references.Where(r => WooCommerceReferenceKinds.IsOrderKind(r.Kind))
            .GroupBy(r => WooCommerceReferenceKinds.OrderNumber(r.Kind, r.Key), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var orders = new Dictionary<string, WooCommerceOrderFacts?>(StringComparer.Ordinal);
        foreach (var group in wanted)
        {
            var number = group.Key;
            if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                orders[number] = null;
                continue;
            }

            var result = await transport.SendAsync(HttpMethod.Get, $"orders/{WooCommerceOutcomes.Number(id)}", None, null, None, cancellationToken);
            if (result.Status == 404 && WooCommerceOutcomes.ErrorCode(result.Body) is "woocommerce_rest_shop_order_invalid_id")
            {
                orders[number] = null;
                continue;
            }

            if (result.Failure is not null)
            {
                return (null, result.Failure);
            }

            try
            {
                var facts = Parse(result.Body, WooCommerceOrderFacts.FromOrder);
                if (group.Any(r => r.Kind == WooCommerceReferenceKinds.Fulfillment))
                {
                    var fulfillments = await transport.SendAsync(HttpMethod.Get, $"orders/{WooCommerceOutcomes.Number(facts.Id)}/fulfillments", None, null, None, cancellationToken);
                    if (fulfillments.Status == 404 && WooCommerceOutcomes.ErrorCode(fulfillments.Body) == "rest_no_route")
                    {
                        return (null, new DeliveryOutcome.PermanentFailure(
                            $"channel '{channel}' has ShipmentMode Fulfillments, but the store answers GET orders/{facts.Id}/fulfillments with 404 rest_no_route: "
                            + "its WooCommerce has no fulfillments feature (WooCommerce 10.1+ with the feature enabled); enable it, or set the channel's ShipmentMode to CompleteOrder"));
                    }

                    if (fulfillments.Failure is not null)
                    {
                        return (null, fulfillments.Failure);
                    }

                    facts = facts with { Fulfillments = Parse(fulfillments.Body, WooCommerceOrderFacts.ReadFulfillments) };
                }

                if (group.Any(r => r.Kind == WooCommerceReferenceKinds.OrderNote))
                {
                    var notes = await transport.SendAsync(HttpMethod.Get, $"orders/{WooCommerceOutcomes.Number(facts.Id)}/notes", None, null, None, cancellationToken);
                    if (notes.Failure is not null)
                    {
                        return (null, notes.Failure);
                    }

                    facts = facts with { Notes = Parse(notes.Body, WooCommerceOrderFacts.ReadNotes) };
                }

                orders[number] = facts;
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return (null, new DeliveryOutcome.TransientFailure($"unexpected response reading order '{number}' on channel '{channel}': {exception.Message}"));
            }
        }

        return (orders, null);
    }

    private static T Parse<T>(byte[] body, Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(body);
        return read(document.RootElement);
    }
}
