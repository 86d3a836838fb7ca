using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>InventoryItem</c>; its SKU is its variant's, as in Shopify.</summary>
internal sealed record InventoryItemNode(InventoryItemEntity Item, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "InventoryItem";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Item.Id,
        "legacyResourceId" => Item.Number.ToString(CultureInfo.InvariantCulture),
        "sku" => Store.VariantOfItem(Item)?.Sku,
        "tracked" => Item.Tracked,
        "measurement" => new MeasurementNode(Item),
        "inventoryLevel" => Store.Location(call.Argument<string>("locationId")!) is { } location && Store.Available(Item, location) is { } available
            ? new InventoryLevelNode(Item, location, available, Store)
            : null,
        "inventoryLevels" => ConnectionNode.Over("InventoryLevelConnection", Store.LevelsOf(Item).Select(l => (IGraphNode)new InventoryLevelNode(Item, l.Location, l.Available, Store)).ToList(), call),
        _ => null,
    };
}
