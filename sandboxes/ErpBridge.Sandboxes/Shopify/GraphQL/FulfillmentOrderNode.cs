namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>FulfillmentOrder</c>.</summary>
internal sealed record FulfillmentOrderNode(FulfillmentOrderEntity FulfillmentOrder) : IGraphNode
{
    public string TypeName => "FulfillmentOrder";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => FulfillmentOrder.Id,
        "status" => FulfillmentOrder.Status,
        "lineItems" => new ConnectionNode("FulfillmentOrderLineItemConnection", FulfillmentOrder.LineItems.Select(l => (IGraphNode)new FulfillmentOrderLineItemNode(l)).ToList(), call.Arguments),
        _ => null,
    };
}
