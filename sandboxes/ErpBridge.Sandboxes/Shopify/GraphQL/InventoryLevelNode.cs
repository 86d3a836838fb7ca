namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>InventoryLevel</c>: one item at one location. The sandbox keeps one quantity, reported as both available and on_hand.</summary>
internal sealed record InventoryLevelNode(InventoryItemEntity Item, LocationEntity Location, int Available, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "InventoryLevel";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => $"gid://shopify/InventoryLevel/{Location.Number}?inventory_item_id={Item.Number}",
        "item" => new InventoryItemNode(Item, Store),
        "location" => new LocationNode(Location, Store),
        "quantities" => call.Argument<List<object?>>("names")!.OfType<string>()
            .Select(name => (IGraphNode)new InventoryQuantityNode(name, name is "available" or "on_hand" ? Available : 0)).ToList(),
        _ => null,
    };
}
