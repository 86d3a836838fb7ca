using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>Order</c>: its name, fulfillment orders and fulfillments.</summary>
internal sealed record OrderNode(OrderEntity Order) : IGraphNode
{
    public string TypeName => "Order";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Order.Id,
        "legacyResourceId" => Order.Number.ToString(CultureInfo.InvariantCulture),
        "name" => Order.Name,
        "fulfillmentOrders" => new ConnectionNode("FulfillmentOrderConnection", Order.FulfillmentOrders.Select(f => (IGraphNode)new FulfillmentOrderNode(f)).ToList(), call.Arguments),
        "fulfillments" => Order.Fulfillments.Take(call.Argument<int?>("first") ?? int.MaxValue).Select(f => (IGraphNode)new FulfillmentNode(f)).ToList(),
        _ => null,
    };
}
