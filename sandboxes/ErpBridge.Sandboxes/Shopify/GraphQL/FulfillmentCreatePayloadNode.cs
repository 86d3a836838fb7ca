namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>FulfillmentCreatePayload</c>.</summary>
internal sealed record FulfillmentCreatePayloadNode(FulfillmentCreateResult Result) : IGraphNode
{
    public string TypeName => "FulfillmentCreatePayload";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "fulfillment" => Result.Fulfillment is { } fulfillment ? new FulfillmentNode(fulfillment) : null,
        "userErrors" => UserErrorNode.List("UserError", Result.Errors),
        _ => null,
    };
}
