namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>InventorySetQuantitiesPayload</c>.</summary>
internal sealed record SetQuantitiesPayloadNode(SetQuantitiesResult Result, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "InventorySetQuantitiesPayload";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "inventoryAdjustmentGroup" => Result.Group is { } group ? new AdjustmentGroupNode(group, Store) : null,
        "userErrors" => Result.Errors.Select(e => (IGraphNode)new UserErrorNode("InventorySetQuantitiesUserError", e)).ToList(),
        _ => null,
    };
}
