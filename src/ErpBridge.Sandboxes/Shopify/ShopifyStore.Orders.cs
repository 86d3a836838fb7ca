using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify;

/// <summary>Orders, their fulfillment orders and fulfillments: what <c>fulfillmentCreate</c> works on.</summary>
internal sealed partial class ShopifyStore
{
    private readonly Dictionary<string, OrderEntity> orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FulfillmentOrderEntity> fulfillmentOrders = new(StringComparer.Ordinal);

    public IEnumerable<OrderEntity> Orders => orders.Values;

    /// <summary>The order named <paramref name="name"/>, with or without its leading '#'.</summary>
    public OrderEntity? OrderByName(string name)
    {
        var wanted = name.StartsWith('#') ? name : "#" + name;
        return orders.Values.FirstOrDefault(o => o.Name == wanted);
    }

    public OrderEntity? Order(string id) => orders.GetValueOrDefault(id);

    /// <summary>An order with one fulfillment order holding a line per (SKU, quantity); the SKUs need not be products.</summary>
    public ShopifySeededOrder SeedOrder(string orderNumber, IEnumerable<(string Sku, int Quantity)> lines)
    {
        var name = orderNumber.StartsWith('#') ? orderNumber : "#" + orderNumber;
        if (OrderByName(name) is not null)
        {
            throw new InvalidOperationException($"Order {name} already exists in the sandbox.");
        }

        var order = new OrderEntity(Next(), name);
        var fulfillmentOrder = new FulfillmentOrderEntity(Next(), order);
        foreach (var (sku, quantity) in lines)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
            fulfillmentOrder.LineItems.Add(new FulfillmentOrderLineEntity(Next(), Next(), sku, quantity));
        }

        order.FulfillmentOrders.Add(fulfillmentOrder);
        orders[order.Id] = order;
        fulfillmentOrders[fulfillmentOrder.Id] = fulfillmentOrder;
        return new ShopifySeededOrder(order.Id, order.Name, fulfillmentOrder.Id, fulfillmentOrder.LineItems.ToDictionary(l => l.Sku, l => l.Id, StringComparer.Ordinal));
    }

    /// <summary>
    /// Ships the given quantities (all that remains of a fulfillment order when it names no lines). All fulfillment
    /// orders must belong to one order; a quantity above what remains is refused as Shopify does, and nothing changes.
    /// Entries naming the same fulfillment order are taken together.
    /// </summary>
    public FulfillmentCreateResult FulfillmentCreate(Dictionary<string, object?> input, string? message)
    {
        var groups = (List<object?>)input["lineItemsByFulfillmentOrder"]!;
        var shipped = new Dictionary<FulfillmentOrderLineEntity, int>();
        OrderEntity? order = null;
        for (var i = 0; i < groups.Count; i++)
        {
            var group = (Dictionary<string, object?>)groups[i]!;
            var field = new[] { "fulfillment", "lineItemsByFulfillmentOrder", i.ToString(CultureInfo.InvariantCulture), "fulfillmentOrderId" };
            if (!fulfillmentOrders.TryGetValue((string)group["fulfillmentOrderId"]!, out var fulfillmentOrder))
            {
                return Refused(field, "Fulfillment order does not exist.");
            }

            if (order is not null && fulfillmentOrder.Order != order)
            {
                return Refused(field, "All fulfillment orders must belong to the same order.");
            }

            order = fulfillmentOrder.Order;
            if (group.GetValueOrDefault("fulfillmentOrderLineItems") is not List<object?> lineItems)
            {
                foreach (var line in fulfillmentOrder.LineItems.Where(l => l.Remaining > 0))
                {
                    shipped[line] = shipped.GetValueOrDefault(line) + line.Remaining;
                }

                continue;
            }

            foreach (var entry in lineItems.Cast<Dictionary<string, object?>>())
            {
                var line = fulfillmentOrder.LineItems.FirstOrDefault(l => l.Id == (string)entry["id"]!);
                if (line is null)
                {
                    return Refused(field, "Fulfillment order line item does not exist on this fulfillment order.");
                }

                shipped[line] = shipped.GetValueOrDefault(line) + (int)entry["quantity"]!;
            }
        }

        if (order is null || shipped.Count == 0 || shipped.Values.Sum() == 0)
        {
            return Refused(["fulfillment"], "Fulfillment must contain at least one line item.");
        }

        foreach (var (line, quantity) in shipped)
        {
            if (quantity <= 0 || quantity > line.Remaining)
            {
                return Refused(["fulfillment", "lineItemsByFulfillmentOrder"], $"Invalid fulfillment order line item quantity requested: {line.Sku} has {line.Remaining} remaining, {quantity} requested.");
            }
        }

        var tracking = input.GetValueOrDefault("trackingInfo") as Dictionary<string, object?>;
        var fulfillment = new FulfillmentEntity(Next(), string.Create(CultureInfo.InvariantCulture, $"{order.Name}-F{order.Fulfillments.Count + 1}"), time.GetUtcNow())
        {
            TrackingNumber = tracking?.GetValueOrDefault("number") as string,
            TrackingCompany = tracking?.GetValueOrDefault("company") as string,
            TrackingUrl = tracking?.GetValueOrDefault("url") as string,
            Message = message,
            NotifyCustomer = input.GetValueOrDefault("notifyCustomer") as bool? ?? false,
        };
        foreach (var (line, quantity) in shipped)
        {
            line.Remaining -= quantity;
            fulfillment.Lines.Add((line.Sku, quantity));
        }

        order.Fulfillments.Add(fulfillment);
        return new FulfillmentCreateResult(fulfillment, []);
    }

    private IEnumerable<ShopifyOrderState> OrderStates() => orders.Values.Select(o => new ShopifyOrderState(
        o.Id,
        o.Name,
        o.FulfillmentOrders.SelectMany(f => f.LineItems.Select(l => new ShopifyOrderLineState(f.Id, l.Id, l.Sku, l.Total, l.Remaining))).ToList(),
        o.Fulfillments.Select(f => new ShopifyFulfillmentState(
            f.Id, f.Name, f.Lines.Select(l => new ShopifyFulfilledLineState(l.Sku, l.Quantity)).ToList(), f.TrackingNumber, f.TrackingCompany, f.TrackingUrl, f.Message, f.NotifyCustomer)).ToList()));

    private static FulfillmentCreateResult Refused(IReadOnlyList<string> field, string message) => new(null, [new UserError(field, message, null)]);
}
