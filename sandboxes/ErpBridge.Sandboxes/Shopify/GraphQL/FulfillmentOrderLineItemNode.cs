namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>FulfillmentOrderLineItem</c>.</summary>
internal sealed record FulfillmentOrderLineItemNode(FulfillmentOrderLineEntity Line) : IGraphNode
{
    public string TypeName => "FulfillmentOrderLineItem";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Line.Id,
        "sku" => Line.Sku.Length == 0 ? null : Line.Sku,
        "remainingQuantity" => Line.Remaining,
        "totalQuantity" => Line.Total,
        _ => null,
    };
}
