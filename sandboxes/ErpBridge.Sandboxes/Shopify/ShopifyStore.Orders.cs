using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify;

/// <summary>Orders, their fulfillment orders and fulfillments: what the orders query reads and <c>fulfillmentCreate</c> works on.</summary>
internal sealed partial class ShopifyStore
{
    private readonly Dictionary<string, OrderEntity> orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FulfillmentOrderEntity> fulfillmentOrders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> customers = new(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] FinancialStatuses = ["PENDING", "AUTHORIZED", "PARTIALLY_PAID", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED", "EXPIRED"];

    public IEnumerable<OrderEntity> Orders => orders.Values;

    /// <summary>The order named <paramref name="name"/>, with or without its leading '#'.</summary>
    public OrderEntity? OrderByName(string name)
    {
        var wanted = name.StartsWith('#') ? name : "#" + name;
        return orders.Values.FirstOrDefault(o => o.Name == wanted);
    }

    public OrderEntity? Order(string id) => orders.GetValueOrDefault(id);

    /// <summary>An order with one fulfillment order holding a line per (SKU, quantity); the SKUs need not be products.</summary>
    public ShopifySeededOrder SeedOrder(string orderNumber, IEnumerable<(string Sku, int Quantity)> lines) =>
        SeedOrder(new ShopifyOrderSeed(orderNumber, lines.Select(l => new ShopifyOrderSeedLine(l.Sku, ProductTitle(l.Sku), l.Quantity, UnitPrice(l.Sku))).ToList()));

    /// <summary>
    /// An order as <paramref name="seed"/> describes it, created and updated now, with one fulfillment order holding
    /// all its lines. Taxes and totals are worked out here, rounded to cents.
    /// </summary>
    public ShopifySeededOrder SeedOrder(ShopifyOrderSeed seed)
    {
        var name = seed.OrderNumber.StartsWith('#') ? seed.OrderNumber : "#" + seed.OrderNumber;
        if (OrderByName(name) is not null)
        {
            throw new InvalidOperationException($"Order {name} already exists in the sandbox.");
        }

        if (seed.Lines is not { Count: > 0 })
        {
            throw new ArgumentException($"Order {name} needs at least one line.", nameof(seed));
        }

        RequireFinancialStatus(seed.FinancialStatus);
        var order = new OrderEntity(Next(), name, Now())
        {
            Currency = seed.Currency,
            TaxesIncluded = seed.TaxesIncluded,
            FinancialStatus = seed.FinancialStatus,
            Email = seed.Email ?? seed.Customer?.Email,
            Phone = seed.Phone,
            Note = seed.Note,
            Customer = seed.Customer,
            CustomerNumber = seed.Customer is null ? null : CustomerNumber(seed.Customer),
            BillingAddress = seed.BillingAddress,
            ShippingAddress = seed.ShippingAddress,
            ShippingMethod = seed.ShippingMethod,
            ShippingPrice = seed.ShippingMethod is null ? 0 : seed.ShippingPrice,
            ShippingTaxRate = seed.ShippingTaxRate,
            ShippingTax = seed.ShippingMethod is null ? 0 : TaxOn(seed.ShippingPrice, seed.ShippingTaxRate, seed.TaxesIncluded),
        };
        var fulfillmentOrder = new FulfillmentOrderEntity(Next(), order);
        foreach (var seedLine in seed.Lines)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seedLine.Quantity);
            var line = new OrderLineEntity(Next(), seedLine.Sku, seedLine.Title, seedLine.Quantity, seedLine.UnitPrice, seedLine.Discount);
            if (seedLine.TaxRate > 0)
            {
                line.TaxLines.Add(new OrderTaxLine(TaxTitle(seedLine.TaxRate), seedLine.TaxRate, TaxOn(line.Total, seedLine.TaxRate, seed.TaxesIncluded)));
            }

            order.Lines.Add(line);
            fulfillmentOrder.LineItems.Add(new FulfillmentOrderLineEntity(Next(), line.Number, seedLine.Sku ?? "", seedLine.Quantity));
        }

        order.FulfillmentOrders.Add(fulfillmentOrder);
        orders[order.Id] = order;
        fulfillmentOrders[fulfillmentOrder.Id] = fulfillmentOrder;
        return new ShopifySeededOrder(
            order.Id,
            order.Name,
            fulfillmentOrder.Id,
            fulfillmentOrder.LineItems.Where(l => l.Sku.Length > 0).GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal))
        {
            LegacyResourceId = order.Number.ToString(CultureInfo.InvariantCulture),
            LineItemIds = order.Lines.Select(l => l.Id).ToList(),
        };
    }

    /// <summary>Changes an order's payment status, note or shipping address, and bumps its updated time.</summary>
    public OrderEntity UpdateOrder(string orderNumber, ShopifyOrderUpdate update)
    {
        var order = OrderByName(orderNumber) ?? throw new KeyNotFoundException($"Order {orderNumber} does not exist in the sandbox.");
        if (update.FinancialStatus is { } status)
        {
            RequireFinancialStatus(status);
            order.FinancialStatus = status;
        }

        order.Note = update.Note ?? order.Note;
        order.ShippingAddress = update.ShippingAddress ?? order.ShippingAddress;
        order.UpdatedAt = Now();
        return order;
    }

    /// <summary>
    /// Cancels an order as Shopify's <c>orderCancel</c> does: cancelled now, nothing left to ship, the payment refunded
    /// (or, when <paramref name="refund"/> is false or nothing was captured, voided); the updated time is bumped.
    /// </summary>
    public OrderEntity CancelOrder(string orderNumber, bool refund)
    {
        var order = OrderByName(orderNumber) ?? throw new KeyNotFoundException($"Order {orderNumber} does not exist in the sandbox.");
        if (order.CancelledAt is not null)
        {
            throw new InvalidOperationException($"Order {order.Name} is already cancelled.");
        }

        var now = Now();
        order.CancelledAt = now;
        order.UpdatedAt = now;
        var captured = order.FinancialStatus is "PAID" or "PARTIALLY_PAID" or "PARTIALLY_REFUNDED";
        order.FinancialStatus = captured && refund ? "REFUNDED" : captured ? order.FinancialStatus : "VOIDED";
        foreach (var fulfillmentOrder in order.FulfillmentOrders)
        {
            fulfillmentOrder.Cancelled = true;
        }

        return order;
    }

    /// <summary>
    /// Ships the given quantities (all that remains of a fulfillment order when it names no lines). All fulfillment
    /// orders must belong to one order; a quantity above what remains is refused as Shopify does, and nothing changes.
    /// Entries naming the same fulfillment order are taken together.
    /// </summary>
    public FulfillmentCreateResult FulfillmentCreate(Dictionary<string, object?> input, string? message)
    {
        var groups = (List<object?>)input["lineItemsByFulfillmentOrder"]!;
        var shipped = new Dictionary<FulfillmentOrderLineEntity, int>();
        OrderEntity? order = null;
        for (var i = 0; i < groups.Count; i++)
        {
            var group = (Dictionary<string, object?>)groups[i]!;
            var field = new[] { "fulfillment", "lineItemsByFulfillmentOrder", i.ToString(CultureInfo.InvariantCulture), "fulfillmentOrderId" };
            if (!fulfillmentOrders.TryGetValue((string)group["fulfillmentOrderId"]!, out var fulfillmentOrder))
            {
                return Refused(field, "Fulfillment order does not exist.");
            }

            if (order is not null && fulfillmentOrder.Order != order)
            {
                return Refused(field, "All fulfillment orders must belong to the same order.");
            }

            if (fulfillmentOrder.Cancelled)
            {
                return Refused(field, "Fulfillment order is cancelled and cannot be fulfilled.");
            }

            order = fulfillmentOrder.Order;
            if (group.GetValueOrDefault("fulfillmentOrderLineItems") is not List<object?> lineItems)
            {
                foreach (var line in fulfillmentOrder.LineItems.Where(l => l.Remaining > 0))
                {
                    shipped[line] = shipped.GetValueOrDefault(line) + line.Remaining;
                }

                continue;
            }

            foreach (var entry in lineItems.Cast<Dictionary<string, object?>>())
            {
                var line = fulfillmentOrder.LineItems.FirstOrDefault(l => l.Id == (string)entry["id"]!);
                if (line is null)
                {
                    return Refused(field, "Fulfillment order line item does not exist on this fulfillment order.");
                }

                shipped[line] = shipped.GetValueOrDefault(line) + (int)entry["quantity"]!;
            }
        }

        if (order is null || shipped.Count == 0 || shipped.Values.Sum() == 0)
        {
            return Refused(["fulfillment"], "Fulfillment must contain at least one line item.");
        }

        foreach (var (line, quantity) in shipped)
        {
            if (quantity <= 0 || quantity > line.Remaining)
            {
                return Refused(["fulfillment", "lineItemsByFulfillmentOrder"], $"Invalid fulfillment order line item quantity requested: {line.Sku} has {line.Remaining} remaining, {quantity} requested.");
            }
        }

        var tracking = input.GetValueOrDefault("trackingInfo") as Dictionary<string, object?>;
        var fulfillment = new FulfillmentEntity(Next(), string.Create(CultureInfo.InvariantCulture, $"{order.Name}-F{order.Fulfillments.Count + 1}"), time.GetUtcNow())
        {
            TrackingNumber = tracking?.GetValueOrDefault("number") as string,
            TrackingCompany = tracking?.GetValueOrDefault("company") as string,
            TrackingUrl = tracking?.GetValueOrDefault("url") as string,
            Message = message,
            NotifyCustomer = input.GetValueOrDefault("notifyCustomer") as bool? ?? false,
        };
        foreach (var (line, quantity) in shipped)
        {
            line.Remaining -= quantity;
            fulfillment.Lines.Add((line.Sku, quantity));
        }

        order.Fulfillments.Add(fulfillment);
        order.UpdatedAt = Now();
        return new FulfillmentCreateResult(fulfillment, []);
    }

    private IEnumerable<ShopifyOrderState> OrderStates() => orders.Values.Select(OrderState);

    public static ShopifyOrderState OrderState(OrderEntity o) => new(
        o.Id,
        o.Name,
        o.FulfillmentOrders.SelectMany(f => f.LineItems.Select(l => new ShopifyOrderLineState(f.Id, l.Id, l.Sku, l.Total, l.Remaining))).ToList(),
        o.Fulfillments.Select(f => new ShopifyFulfillmentState(
            f.Id, f.Name, f.Lines.Select(l => new ShopifyFulfilledLineState(l.Sku, l.Quantity)).ToList(), f.TrackingNumber, f.TrackingCompany, f.TrackingUrl, f.Message, f.NotifyCustomer)).ToList())
    {
        CreatedAt = o.CreatedAt,
        UpdatedAt = o.UpdatedAt,
        CancelledAt = o.CancelledAt,
        FinancialStatus = o.FinancialStatus,
        FulfillmentStatus = o.FulfillmentStatus,
        TotalPrice = o.TotalPrice,
    };

    /// <summary>The sandbox clock to whole seconds: Shopify's timestamps carry no fractions, and its search compares them so.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow().ToUniversalTime();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private long CustomerNumber(ShopifyOrderCustomer customer)
    {
        var key = customer.Email ?? $"{customer.FirstName} {customer.LastName}";
        if (!customers.TryGetValue(key, out var number))
        {
            number = Next();
            customers[key] = number;
        }

        return number;
    }

    private string ProductTitle(string sku) => variants.Values.FirstOrDefault(v => v.Sku == sku)?.Product.Title ?? $"Product {sku}";

    private decimal UnitPrice(string sku) =>
        decimal.TryParse(variants.Values.FirstOrDefault(v => v.Sku == sku)?.Price, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) && price > 0 ? price : 10m;

    private static decimal TaxOn(decimal amount, decimal rate, bool included) =>
        Math.Round(included ? amount * rate / (1 + rate) : amount * rate, 2, MidpointRounding.AwayFromZero);

    private static string TaxTitle(decimal rate) => string.Create(CultureInfo.InvariantCulture, $"Tax {rate * 100:0.###}%");

    private static void RequireFinancialStatus(string status)
    {
        if (!FinancialStatuses.Contains(status))
        {
            throw new ArgumentException($"Unknown financial status '{status}'; expected one of {string.Join(", ", FinancialStatuses)}.", nameof(status));
        }
    }

    private static FulfillmentCreateResult Refused(IReadOnlyList<string> field, string message) => new(null, [new UserError(field, message, null)]);
}
