using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>Location</c>.</summary>
internal sealed record LocationNode(LocationEntity Location, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "Location";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Location.Id,
        "legacyResourceId" => Location.Number.ToString(CultureInfo.InvariantCulture),
        "name" => Location.Name,
        "isActive" => Location.IsActive,
        "inventoryLevel" => Store.Item(call.Argument<string>("inventoryItemId")!) is { } item && Store.Available(item, Location) is { } available
            ? new InventoryLevelNode(item, Location, available, Store)
            : null,
        _ => null,
    };
}
