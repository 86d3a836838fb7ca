using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>
/// Resolves the order kinds of a plan (order, order-product, order-shipment) by reading each named order afresh:
/// <c>GET order.info.json?order_id=…</c> (return code 112: no such order) for its lines, and
/// <c>GET order.shipment.list.json?order_id=…</c> for its shipments' tracking numbers. Nothing is cached: reading
/// the shipments is what keeps a shipment resent after API2Cart's 15-minute idempotency window from shipping twice.
/// </summary>
internal sealed class Api2CartShipmentResolver(ConnectorTransport transport, string channel)
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    /// <summary>Every order reference of <paramref name="wanted"/> with its id (null = not found), or the failure a look-up came to.</summary>
    public async Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> ResolveAsync(
        IEnumerable<ReferenceKey> wanted, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<ReferenceKey, string?>();
        foreach (var order in wanted.Where(r => Api2CartReferenceKinds.IsOrderKind(r.Kind))
                     .GroupBy(r => r.Kind == Api2CartReferenceKinds.Order ? r.Key : Api2CartReferenceKinds.OrderNumber(r.Key), StringComparer.Ordinal))
        {
            var references = order.ToList();
            foreach (var reference in references)
            {
                ids[reference] = null;
            }

            if (order.Key.Length > 0 && await ReadOrder(order.Key, references, ids, cancellationToken) is { } failure)
            {
                return (null, failure);
            }
        }

        return (ids, null);
    }

    private async Task<DeliveryOutcome?> ReadOrder(string orderNumber, List<ReferenceKey> references, Dictionary<ReferenceKey, string?> ids, CancellationToken cancellationToken)
    {
        var escaped = Uri.EscapeDataString(orderNumber);
        var info = await transport.SendAsync(HttpMethod.Get, $"order.info.json?order_id={escaped}&params=order_id,order_products", null, NoHeaders, cancellationToken);
        if (IsNotFound(info))
        {
            return null;
        }

        var (order, failure) = Api2CartOutcomes.Read(info, "GET order.info.json", channel);
        if (failure is not null)
        {
            return failure;
        }

        using (order)
        {
            foreach (var reference in references.Where(r => r.Kind == Api2CartReferenceKinds.Order))
            {
                ids[reference] = orderNumber;
            }

            var result = order!.RootElement.GetProperty("result");
            var lines = result.TryGetProperty("order_products", out var products) && products.ValueKind == JsonValueKind.Array ? products.EnumerateArray().ToList() : [];
            foreach (var reference in references.Where(r => r.Kind == Api2CartReferenceKinds.OrderProduct))
            {
                var sku = Api2CartReferenceKinds.ItemKey(reference.Key);
                ids[reference] = lines.Where(l => Api2CartJson.Text(l, "model") == sku).Select(l => Api2CartJson.Text(l, "order_product_id")).FirstOrDefault();
            }
        }

        var shipments = references.Where(r => r.Kind == Api2CartReferenceKinds.OrderShipment).ToList();
        if (shipments.Count == 0)
        {
            return null;
        }

        var list = await transport.SendAsync(HttpMethod.Get, $"order.shipment.list.json?order_id={escaped}&count=250", null, NoHeaders, cancellationToken);
        var (envelope, listFailure) = Api2CartOutcomes.Read(list, "GET order.shipment.list.json", channel);
        if (listFailure is not null)
        {
            return listFailure;
        }

        using (envelope)
        {
            foreach (var shipment in Api2CartJson.Items(envelope!.RootElement, "shipment"))
            {
                var numbers = shipment.TryGetProperty("tracking_numbers", out var tracking) && tracking.ValueKind == JsonValueKind.Array
                    ? tracking.EnumerateArray().Select(t => Api2CartJson.Text(t, "tracking_number")).ToHashSet(StringComparer.Ordinal)
                    : [];
                foreach (var reference in shipments.Where(r => ids[r] is null && numbers.Contains(Api2CartReferenceKinds.ItemKey(r.Key))))
                {
                    ids[reference] = Api2CartJson.Text(shipment, "id");
                }
            }
        }

        return null;
    }

    /// <summary>Return code 112 (item not found) on an order read: the store has no such order.</summary>
    private static bool IsNotFound(TransportResponse response)
    {
        if (response.Failure is not null || response.Body.Length == 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("return_code", out var code) && code.TryGetInt32(out var value) && value == Api2CartOutcomes.ItemNotFound;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
