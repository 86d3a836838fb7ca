using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>Order</c>: names, times, statuses, customer, addresses, shipping line, line items, money totals, fulfillment orders and fulfillments.</summary>
internal sealed record OrderNode(OrderEntity Order) : IGraphNode
{
    public string TypeName => "Order";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Order.Id,
        "legacyResourceId" => Order.Number.ToString(CultureInfo.InvariantCulture),
        "name" => Order.Name,
        "number" => int.TryParse(Order.Name.TrimStart('#'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (int)Order.Number,
        "createdAt" or "processedAt" => ShopifyValues.Time(Order.CreatedAt),
        "updatedAt" => ShopifyValues.Time(Order.UpdatedAt),
        "cancelledAt" => Order.CancelledAt is { } cancelled ? ShopifyValues.Time(cancelled) : null,
        "displayFinancialStatus" => Order.FinancialStatus,
        "displayFulfillmentStatus" => Order.FulfillmentStatus,
        "currencyCode" => Order.Currency,
        "taxesIncluded" => Order.TaxesIncluded,
        "email" => Order.Email,
        "phone" => Order.Phone,
        "note" => Order.Note,
        "customer" => Order.Customer is { } customer ? new CustomerNode(Order.CustomerNumber ?? 0, customer) : null,
        "billingAddress" => Order.BillingAddress is { } billing ? new MailingAddressNode(Order.Number, billing) : null,
        "shippingAddress" => Order.ShippingAddress is { } shipping ? new MailingAddressNode(Order.Number + 1, shipping) : null,
        "shippingLine" => Order.ShippingMethod is null ? null : new ShippingLineNode(Order),
        "lineItems" => new ConnectionNode("LineItemConnection", Order.Lines.Select(l => (IGraphNode)new LineItemNode(l, Order.Currency)).ToList(), call.Arguments),
        "subtotalPriceSet" => Money(Order.Subtotal),
        "totalShippingPriceSet" => Money(Order.ShippingPrice),
        "totalDiscountsSet" => Money(Order.TotalDiscounts),
        "totalTaxSet" => Money(Order.TotalTax),
        "totalPriceSet" => Money(Order.TotalPrice),
        "fulfillmentOrders" => new ConnectionNode("FulfillmentOrderConnection", Order.FulfillmentOrders.Select(f => (IGraphNode)new FulfillmentOrderNode(f)).ToList(), call.Arguments),
        "fulfillments" => Order.Fulfillments.Take(call.Argument<int?>("first") ?? int.MaxValue).Select(f => (IGraphNode)new FulfillmentNode(f)).ToList(),
        _ => null,
    };

    private MoneyBagNode Money(decimal amount) => new(amount, Order.Currency);
}
