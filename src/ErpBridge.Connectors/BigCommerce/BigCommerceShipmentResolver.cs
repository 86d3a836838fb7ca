using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// Resolves the order kinds of a plan (order, order-address, order-product, order-shipment) by reading each named
/// order afresh with the v2 API: <c>GET v2/orders/{id}</c> (404 = unknown order), then only what is asked for of
/// <c>products</c>, <c>shipping_addresses</c> and <c>shipments</c>. Nothing is cached: an order's shipments change
/// with every delivery, and reading them is what keeps a resent ShipmentId from shipping twice.
/// </summary>
internal sealed class BigCommerceShipmentResolver(ConnectorTransport transport)
{
    /// <summary>The line of a shipment's comments that names the ERP shipment it records (written by the Shipments map).</summary>
    public const string ShipmentMarker = "ERP shipment: ";

    private const int PageSize = 250;
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    /// <summary>Every order reference of <paramref name="wanted"/> with its id (null = not found), or the failure a look-up came to.</summary>
    public async Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> ResolveAsync(
        IEnumerable<ReferenceKey> wanted, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<ReferenceKey, string?>();
        foreach (var order in wanted.Where(r => BigCommerceReferenceKinds.IsOrderKind(r.Kind)).GroupBy(r => OrderNumberOf(r), StringComparer.Ordinal))
        {
            var references = order.ToList();
            foreach (var reference in references)
            {
                ids[reference] = null;
            }

            if (!int.TryParse(order.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId) || orderId <= 0)
            {
                continue;
            }

            var failure = await ReadOrder(orderId, references, ids, cancellationToken);
            if (failure is not null)
            {
                return (null, failure);
            }
        }

        return (ids, null);
    }

    private static string OrderNumberOf(ReferenceKey reference) =>
        reference.Kind is BigCommerceReferenceKinds.Order or BigCommerceReferenceKinds.OrderAddress
            ? reference.Key
            : BigCommerceReferenceKinds.OrderNumber(reference.Key);

    private async Task<DeliveryOutcome?> ReadOrder(int orderId, List<ReferenceKey> references, Dictionary<ReferenceKey, string?> ids, CancellationToken cancellationToken)
    {
        var root = $"v2/orders/{orderId.ToString(CultureInfo.InvariantCulture)}";
        var order = await transport.SendAsync(HttpMethod.Get, root, null, NoHeaders, cancellationToken);
        if (order.Status == 404)
        {
            return null;
        }

        if (order.Failure is not null)
        {
            return order.Failure;
        }

        foreach (var reference in references.Where(r => r.Kind == BigCommerceReferenceKinds.Order))
        {
            ids[reference] = orderId.ToString(CultureInfo.InvariantCulture);
        }

        var wantsAddress = references.Any(r => r.Kind == BigCommerceReferenceKinds.OrderAddress);
        var products = references.Where(r => r.Kind == BigCommerceReferenceKinds.OrderProduct).ToList();
        var shipments = references.Where(r => r.Kind == BigCommerceReferenceKinds.OrderShipment).ToList();
        if (products.Count > 0)
        {
            var failure = await ReadList($"{root}/products?limit={PageSize}", item =>
            {
                var sku = item.TryGetProperty("sku", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
                foreach (var reference in products.Where(r => BigCommerceReferenceKinds.ItemKey(r.Key) == sku && ids[r] is null))
                {
                    ids[reference] = item.GetProperty("id").GetRawText();
                }
            }, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }
        }

        if (wantsAddress)
        {
            string? addressId = null;
            var failure = await ReadList($"{root}/shipping_addresses", item => addressId ??= item.GetProperty("id").GetRawText(), cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            foreach (var reference in references.Where(r => r.Kind == BigCommerceReferenceKinds.OrderAddress))
            {
                ids[reference] = addressId;
            }
        }

        if (shipments.Count > 0)
        {
            var failure = await ReadList($"{root}/shipments?limit={PageSize}", item =>
            {
                var comments = item.TryGetProperty("comments", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
                var recorded = comments.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith(ShipmentMarker, StringComparison.Ordinal))
                    .Select(line => line[ShipmentMarker.Length..].Trim()).ToHashSet(StringComparer.Ordinal);
                foreach (var reference in shipments.Where(r => recorded.Contains(BigCommerceReferenceKinds.ItemKey(r.Key)) && ids[r] is null))
                {
                    ids[reference] = item.GetProperty("id").GetRawText();
                }
            }, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a v2 list, a bare JSON array; 204 (BigCommerce's answer when the list is empty) reads as none. A body of
    /// another shape is a transient failure: the next attempt may get the real one.
    /// </summary>
    private async Task<DeliveryOutcome?> ReadList(string url, Action<JsonElement> read, CancellationToken cancellationToken)
    {
        var result = await transport.SendAsync(HttpMethod.Get, url, null, NoHeaders, cancellationToken);
        if (result.Failure is not null)
        {
            return result.Failure;
        }

        if (result.Status == 204 || result.Body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(result.Body);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                read(item);
            }

            return null;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new DeliveryOutcome.TransientFailure($"unexpected response to GET {url}: {exception.Message}");
        }
    }
}
