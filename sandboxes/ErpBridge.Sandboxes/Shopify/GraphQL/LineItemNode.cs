namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>LineItem</c>: SKU, title, quantity, unit price, the line's discount and its tax lines.</summary>
internal sealed record LineItemNode(OrderLineEntity Line, string Currency) : IGraphNode
{
    public string TypeName => "LineItem";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Line.Id,
        "sku" => Line.Sku,
        "title" or "name" => Line.Title,
        "variantTitle" => null,
        "quantity" => Line.Quantity,
        "originalUnitPriceSet" => new MoneyBagNode(Line.UnitPrice, Currency),
        "originalTotalSet" => new MoneyBagNode(Line.Quantity * Line.UnitPrice, Currency),
        "totalDiscountSet" => new MoneyBagNode(Line.Discount, Currency),
        "discountedTotalSet" => new MoneyBagNode(Line.Total, Currency),
        "taxLines" => Line.TaxLines.Take(call.Argument<int?>("first") ?? int.MaxValue).Select(t => (IGraphNode)new TaxLineNode(t, Currency)).ToList(),
        _ => null,
    };
}
