namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>InventoryChange</c>.</summary>
internal sealed record ChangeNode(AdjustmentChange Change, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "InventoryChange";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "name" => Change.Name,
        "delta" => Change.Delta,
        "quantityAfterChange" => Change.QuantityAfterChange,
        "item" => new InventoryItemNode(Change.Item, Store),
        "location" => new LocationNode(Change.Location, Store),
        _ => null,
    };
}
