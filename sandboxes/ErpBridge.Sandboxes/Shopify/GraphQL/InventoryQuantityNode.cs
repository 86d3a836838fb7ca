namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>InventoryQuantity</c>: one named quantity of a level.</summary>
internal sealed record InventoryQuantityNode(string Name, int Quantity) : IGraphNode
{
    public string TypeName => "InventoryQuantity";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => $"gid://shopify/InventoryQuantity/{Name}",
        "name" => Name,
        "quantity" => Quantity,
        _ => null,
    };
}
