namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>MoneyBag</c>: an amount in the shop's currency and in the customer's; the sandbox sells in one currency, so both are the same.</summary>
internal sealed record MoneyBagNode(decimal Amount, string Currency) : IGraphNode
{
    public string TypeName => "MoneyBag";

    public object? Resolve(FieldCall call) => call.Name is "shopMoney" or "presentmentMoney" ? new MoneyNode(Amount, Currency) : null;

    /// <summary><c>MoneyV2</c>.</summary>
    private sealed record MoneyNode(decimal Amount, string Currency) : IGraphNode
    {
        public string TypeName => "MoneyV2";

        public object? Resolve(FieldCall call) => call.Name switch
        {
            "amount" => ShopifyValues.Amount(Amount),
            "currencyCode" => Currency,
            _ => null,
        };
    }
}
