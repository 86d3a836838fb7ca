using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>InventoryAdjustmentGroup</c>; <c>changes</c> honours its item, location and name filters.</summary>
internal sealed record AdjustmentGroupNode(AdjustmentGroup Group, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "InventoryAdjustmentGroup";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Group.Id,
        "createdAt" => Group.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        "reason" => Group.Reason,
        "referenceDocumentUri" => Group.ReferenceDocumentUri,
        "changes" => Group.Changes.Where(c => Allowed(call, "inventoryItemIds", c.Item.Id) && Allowed(call, "locationIds", c.Location.Id) && Allowed(call, "quantityNames", c.Name))
            .Select(c => (IGraphNode)new ChangeNode(c, Store)).ToList(),
        _ => null,
    };

    private static bool Allowed(FieldCall call, string filter, string value) =>
        call.Argument<List<object?>>(filter) is not { } allowed || allowed.Contains(value);
}
