using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Resolves the order, order-item and shipment references of a plan: one <c>GET V1/orders</c> by increment id for all
/// orders the plan names, then (when the plan asks whether shipments exist) one <c>GET V1/shipments</c> by order id.
/// Nothing is cached: quantities left to ship and the shipments made change with every delivery, and the shipment
/// check is what keeps a ShipmentId sent twice from shipping twice.
/// </summary>
internal sealed class MagentoShipmentResolver(ConnectorTransport transport)
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    /// <summary>Every wanted sales reference's value (null = not found), or the failure a look-up came to.</summary>
    public async Task<(Dictionary<ReferenceKey, string?>? Values, DeliveryOutcome? Failure)> ResolveAsync(
        IReadOnlyCollection<ReferenceKey> wanted, CancellationToken cancellationToken)
    {
        var values = new Dictionary<ReferenceKey, string?>();
        if (wanted.Count == 0)
        {
            return (values, null);
        }

        var numbers = wanted.Select(r => r.Kind == MagentoReferenceKinds.Order ? r.Key : MagentoReferenceKinds.Split(r.Key).OrderNumber)
            .Distinct(StringComparer.Ordinal).ToList();
        var (orders, failure) = await GetAsync(Search("V1/orders", "increment_id", numbers), ReadOrders, cancellationToken);
        if (failure is not null)
        {
            return (null, failure);
        }

        var markers = new Dictionary<int, List<(int ShipmentId, string Comment)>>();
        if (wanted.Any(r => r.Kind == MagentoReferenceKinds.Shipment) && orders!.Count > 0)
        {
            var ids = orders.Values.Select(o => o.Id.ToString(CultureInfo.InvariantCulture)).ToList();
            (markers, failure) = await GetAsync(Search("V1/shipments", "order_id", ids), ReadShipmentComments, cancellationToken);
            if (failure is not null)
            {
                return (null, failure);
            }
        }

        foreach (var reference in wanted)
        {
            values[reference] = Value(reference, orders!, markers!);
        }

        return (values, null);
    }

    private static string? Value(ReferenceKey reference, Dictionary<string, SalesOrder> orders, Dictionary<int, List<(int ShipmentId, string Comment)>> markers)
    {
        if (reference.Kind == MagentoReferenceKinds.Order)
        {
            return orders.TryGetValue(reference.Key, out var order) ? order.Id.ToString(CultureInfo.InvariantCulture) : null;
        }

        var (number, part) = MagentoReferenceKinds.Split(reference.Key);
        if (!orders.TryGetValue(number, out var owner))
        {
            return null;
        }

        if (reference.Kind == MagentoReferenceKinds.OrderItem)
        {
            return owner.Items.FirstOrDefault(i => string.Equals(i.Sku, part, StringComparison.OrdinalIgnoreCase)).ItemId is var id and > 0
                ? id.ToString(CultureInfo.InvariantCulture)
                : null;
        }

        var marker = MagentoReferenceKinds.ShipmentMarker(part);
        return markers.GetValueOrDefault(owner.Id)?
            .Where(m => m.Comment == marker || m.Comment.StartsWith(marker + "; ", StringComparison.Ordinal))
            .Select(m => m.ShipmentId.ToString(CultureInfo.InvariantCulture))
            .FirstOrDefault();
    }

    /// <summary>A search on one field: eq for one value, in for several (Magento's comma-separated list).</summary>
    private static string Search(string path, string field, IReadOnlyList<string> values)
    {
        const string filter = "searchCriteria[filter_groups][0][filters][0]";
        var condition = values.Count == 1 ? "eq" : "in";
        return $"{path}?{Uri.EscapeDataString(filter + "[field]")}={field}"
            + $"&{Uri.EscapeDataString(filter + "[value]")}={Uri.EscapeDataString(string.Join(",", values))}"
            + $"&{Uri.EscapeDataString(filter + "[condition_type]")}={condition}";
    }

    private async Task<(T? Result, DeliveryOutcome? Failure)> GetAsync<T>(string url, Func<JsonElement, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var result = await transport.SendAsync(HttpMethod.Get, url, null, NoHeaders, cancellationToken);
        if (result.Failure is not null)
        {
            return (null, result.Failure);
        }

        try
        {
            using var document = JsonDocument.Parse(result.Body);
            return (read(document.RootElement), null);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A body of another shape (a proxy's error page, a truncated answer): the next attempt may get the real one.
            var path = url[..url.IndexOf('?', StringComparison.Ordinal)];
            return (null, new DeliveryOutcome.TransientFailure($"unexpected response to GET {path} on channel '{transport.Channel}': {exception.Message}"));
        }
    }

    private static Dictionary<string, SalesOrder> ReadOrders(JsonElement root)
    {
        var orders = new Dictionary<string, SalesOrder>(StringComparer.Ordinal);
        foreach (var order in root.GetProperty("items").EnumerateArray())
        {
            var items = order.TryGetProperty("items", out var lines)
                ? lines.EnumerateArray().Select(l => (l.GetProperty("item_id").GetInt32(), l.GetProperty("sku").GetString() ?? "")).ToList()
                : [];
            orders[order.GetProperty("increment_id").GetString() ?? ""] = new SalesOrder(order.GetProperty("entity_id").GetInt32(), items);
        }

        return orders;
    }

    private static Dictionary<int, List<(int ShipmentId, string Comment)>> ReadShipmentComments(JsonElement root)
    {
        var byOrder = new Dictionary<int, List<(int, string)>>();
        foreach (var shipment in root.GetProperty("items").EnumerateArray())
        {
            var orderId = shipment.GetProperty("order_id").GetInt32();
            var id = shipment.GetProperty("entity_id").GetInt32();
            if (!byOrder.TryGetValue(orderId, out var list))
            {
                byOrder[orderId] = list = [];
            }

            if (shipment.TryGetProperty("comments", out var comments))
            {
                list.AddRange(comments.EnumerateArray().Select(c => (id, c.GetProperty("comment").GetString() ?? "")));
            }
        }

        return byOrder;
    }

    private sealed record SalesOrder(int Id, IReadOnlyList<(int ItemId, string Sku)> Items);
}
