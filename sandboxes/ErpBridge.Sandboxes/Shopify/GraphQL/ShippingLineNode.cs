namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>ShippingLine</c>: the shipping method chosen at checkout and its price and tax.</summary>
internal sealed record ShippingLineNode(OrderEntity Order) : IGraphNode
{
    public string TypeName => "ShippingLine";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "title" => Order.ShippingMethod,
        "code" => Order.ShippingMethod,
        "originalPriceSet" or "discountedPriceSet" => new MoneyBagNode(Order.ShippingPrice, Order.Currency),
        "taxLines" => Order.ShippingTax == 0 ? [] : new List<IGraphNode> { new TaxLineNode(new OrderTaxLine("Shipping tax", Order.ShippingTaxRate, Order.ShippingTax), Order.Currency) },
        _ => null,
    };
}
