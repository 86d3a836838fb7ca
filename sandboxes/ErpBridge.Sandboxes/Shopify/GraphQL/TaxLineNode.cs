namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>TaxLine</c>: title, rate and amount of one tax.</summary>
internal sealed record TaxLineNode(OrderTaxLine Tax, string Currency) : IGraphNode
{
    public string TypeName => "TaxLine";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "title" => Tax.Title,
        "rate" => (double)Tax.Rate,
        "ratePercentage" => (double)(Tax.Rate * 100),
        "priceSet" => new MoneyBagNode(Tax.Amount, Currency),
        _ => null,
    };
}
