namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>InventoryItemMeasurement</c>: where a variant's weight lives since the 2024 product model.</summary>
internal sealed record MeasurementNode(InventoryItemEntity Item) : IGraphNode
{
    public string TypeName => "InventoryItemMeasurement";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => $"gid://shopify/InventoryItemMeasurement/{Item.Number}",
        "weight" => Item.WeightValue is { } value ? new WeightNode(value, Item.WeightUnit) : null,
        _ => null,
    };
}
