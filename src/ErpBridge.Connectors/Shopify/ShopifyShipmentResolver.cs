using System.Collections.Concurrent;
using System.Text.Json;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// Resolves the references of shipment plans, keyed by the store's order number: <c>order</c> (key "1001"),
/// <c>fulfillment-order</c> and <c>fulfillment-order-line-item</c> (key "1001/SKU": the open fulfillment order line
/// of that SKU with something left to ship), and <c>fulfillment</c> (key "1001/TRACKING": an existing fulfillment of
/// the order with that tracking number, which makes a resent shipment a no-op). The order's GID is cached; its
/// fulfillment orders and fulfillments are read afresh for every plan, since each shipment changes them.
/// </summary>
internal sealed class ShopifyShipmentResolver(string channel, ShopifyIdCache cache, Func<string, object, CancellationToken, Task<ShopifyCallResult>> query)
{
    public const string Order = "order";
    public const string FulfillmentOrder = "fulfillment-order";
    public const string FulfillmentOrderLineItem = "fulfillment-order-line-item";
    public const string Fulfillment = "fulfillment";

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { Order, FulfillmentOrder, FulfillmentOrderLineItem, Fulfillment };

    private readonly ConcurrentDictionary<string, ShopifyOrderDetails?> details = new(StringComparer.Ordinal);

    /// <summary>Reads every order the references name (one call per order); a look-up that failed is returned.</summary>
    public async Task<DeliveryOutcome?> LoadAsync(IEnumerable<(string Kind, string Key)> wanted, CancellationToken cancellationToken)
    {
        var orderNumbers = wanted.Where(w => Kinds.Contains(w.Kind)).Select(w => OrderNumber(w.Kind, w.Key)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var orderNumber in orderNumbers)
        {
            var cached = cache.TryGet(Order, orderNumber, out var orderId) ? orderId : null;
            var result = cached is not null
                ? await query(ShopifyDocuments.OrderForShipmentById, new { id = cached }, cancellationToken)
                : await query(ShopifyDocuments.OrderForShipment, new { query = ShopifyDocuments.OrderNameSearch(orderNumber) }, cancellationToken);
            if (result.Failure is not null)
            {
                return result.Failure;
            }

            var order = cached is not null ? result.Data.GetProperty("order") : FirstNode(result.Data.GetProperty("orders"));
            var read = order.ValueKind == JsonValueKind.Object ? Read(order) : null;
            details[orderNumber] = read;
            if (read is not null)
            {
                cache.Found(Order, orderNumber, read.OrderId);
            }
        }

        return null;
    }

    /// <summary>The GID a loaded reference stands for, or null.</summary>
    public string? Find(string kind, string key)
    {
        var orderNumber = OrderNumber(kind, key);
        if (!details.TryGetValue(orderNumber, out var order) || order is null)
        {
            return null;
        }

        var rest = key.Length > orderNumber.Length ? key[(orderNumber.Length + 1)..] : "";
        return kind switch
        {
            Order => order.OrderId,
            Fulfillment => order.FulfillmentsByTrackingNumber.GetValueOrDefault(rest),
            FulfillmentOrder => order.OpenLines.FirstOrDefault(l => l.Sku == rest)?.FulfillmentOrderId,
            FulfillmentOrderLineItem => order.OpenLines.FirstOrDefault(l => l.Sku == rest)?.LineItemId,
            _ => null,
        };
    }

    /// <summary>Why a required reference did not resolve: the order is unknown, or the SKU has nothing left to ship on it.</summary>
    public string Describe(string kind, string key)
    {
        var orderNumber = OrderNumber(kind, key);
        if (!details.TryGetValue(orderNumber, out var order) || order is null)
        {
            return $"order '{orderNumber}' does not exist on Shopify channel '{channel}'";
        }

        var sku = key.Length > orderNumber.Length ? key[(orderNumber.Length + 1)..] : "";
        return $"SKU '{sku}' has nothing left to ship on order '{orderNumber}' of Shopify channel '{channel}' (not ordered, already shipped, or its fulfillment order is not open)";
    }

    /// <summary>The order number a key starts with: the whole key for <c>order</c>, else what comes before the first '/'.</summary>
    private static string OrderNumber(string kind, string key)
    {
        if (kind == Order)
        {
            return key;
        }

        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? key : key[..slash];
    }

    private static JsonElement FirstNode(JsonElement connection)
    {
        var nodes = connection.GetProperty("nodes");
        return nodes.GetArrayLength() > 0 ? nodes[0] : default;
    }

    private static ShopifyOrderDetails Read(JsonElement order)
    {
        var open = new List<ShopifyOpenLine>();
        foreach (var fulfillmentOrder in order.GetProperty("fulfillmentOrders").GetProperty("nodes").EnumerateArray())
        {
            // Only open fulfillment orders can be fulfilled; on hold, scheduled, closed or cancelled ones are refused.
            if (fulfillmentOrder.GetProperty("status").GetString() is not ("OPEN" or "IN_PROGRESS"))
            {
                continue;
            }

            var fulfillmentOrderId = fulfillmentOrder.GetProperty("id").GetString()!;
            foreach (var line in fulfillmentOrder.GetProperty("lineItems").GetProperty("nodes").EnumerateArray())
            {
                var remaining = line.GetProperty("remainingQuantity").GetInt32();
                if (remaining > 0 && line.GetProperty("sku").GetString() is { Length: > 0 } sku)
                {
                    open.Add(new ShopifyOpenLine(fulfillmentOrderId, line.GetProperty("id").GetString()!, sku, remaining));
                }
            }
        }

        var fulfilled = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var fulfillment in order.GetProperty("fulfillments").EnumerateArray())
        {
            foreach (var tracking in fulfillment.GetProperty("trackingInfo").EnumerateArray())
            {
                if (tracking.GetProperty("number").GetString() is { Length: > 0 } number)
                {
                    fulfilled.TryAdd(number, fulfillment.GetProperty("id").GetString()!);
                }
            }
        }

        return new ShopifyOrderDetails(order.GetProperty("id").GetString()!, open, fulfilled);
    }
}
