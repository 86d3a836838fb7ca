using System.Text.Json.Nodes;

namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// The store's orders with their notes and fulfillments, behind one lock. Order, line item, note, meta and
/// fulfillment ids each have their own sequence, as they live in separate WooCommerce tables.
/// </summary>
internal sealed class WooOrderBook(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, WooOrder> orders = [];
    private int nextOrderId = 1001;
    private int nextItemId = 1;
    private int nextNoteId = 1;
    private int nextMetaId = 1;
    private int nextFulfillmentId = 1;

    /// <summary>The sandbox clock, cut to whole seconds as WordPress stores times.</summary>
    public DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    public IReadOnlyList<WooOrder> All()
    {
        lock (gate)
        {
            return [.. orders.Values];
        }
    }

    public WooOrder? Get(int id)
    {
        lock (gate)
        {
            return orders.GetValueOrDefault(id);
        }
    }

    public WooOrder Create(WooOrderDraft draft, IReadOnlyList<WooOrderLineSeed> lines, Func<string, WooProduct?> catalog)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (lines.Count == 0)
        {
            throw new ArgumentException("An order needs at least one line.", nameof(lines));
        }

        if (!WooOrderStatuses.IsKnown(draft.Status))
        {
            throw new ArgumentException($"Status '{draft.Status}' is not a WooCommerce order status.", nameof(draft));
        }

        lock (gate)
        {
            var created = Truncate(draft.CreatedAt ?? Now());
            var percent = draft.Coupon?.Percent ?? 0m;
            var items = new List<WooOrderLine>();
            foreach (var seed in lines)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(seed.Quantity, 1);
                var product = seed.Sku.Length > 0 ? catalog(seed.Sku) : null;
                var price = seed.UnitPrice ?? (decimal.TryParse(product?.RegularPrice, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 10m);
                // WooCommerce keeps line amounts without tax; with prices entered including tax it takes the tax out.
                var gross = price * seed.Quantity;
                var discounted = Money(gross - (gross * percent / 100m));
                var subtotal = draft.PricesIncludeTax ? Money(gross / (1 + draft.TaxRate)) : Money(gross);
                var total = draft.PricesIncludeTax ? Money(discounted / (1 + draft.TaxRate)) : discounted;
                items.Add(new WooOrderLine(
                    nextItemId++,
                    seed.Name ?? product?.Name ?? $"Custom item {items.Count + 1}",
                    product is null ? 0 : product.IsVariation ? product.ParentId : product.Id,
                    product is { IsVariation: true } ? product.Id : 0,
                    seed.Quantity,
                    seed.Sku,
                    Money(subtotal / seed.Quantity),
                    subtotal,
                    draft.PricesIncludeTax ? Money(gross) - subtotal : Money(subtotal * draft.TaxRate),
                    total,
                    draft.PricesIncludeTax ? discounted - total : Money(total * draft.TaxRate)));
            }

            var coupons = draft.Coupon is { } coupon
                ? new List<WooCouponLine> { new(nextItemId++, coupon.Code, items.Sum(i => i.Subtotal - i.Total), items.Sum(i => i.SubtotalTax - i.TotalTax)) }
                : [];
            var shipping = new List<WooShippingLine> { new(nextItemId++, draft.ShippingMethodTitle, "flat_rate", draft.ShippingTotal, Money(draft.ShippingTotal * draft.TaxRate)) };
            var paid = draft.Status is "processing" or "completed" or "refunded" ? created : (DateTimeOffset?)null;
            var order = new WooOrder(
                nextOrderId++, draft.Status, draft.Currency, draft.PricesIncludeTax, created, Truncate(draft.ModifiedAt ?? created), paid,
                draft.Status == "completed" ? created : null, draft.CustomerId, draft.Billing,
                draft.Shipping ?? draft.Billing with { Email = "" }, draft.PaymentMethod, draft.PaymentMethodTitle,
                paid is null ? "" : $"ch_{Guid.NewGuid():N}"[..27], draft.CustomerNote, items, shipping, coupons, [], [], [], [], draft.TaxRate);
            if (draft.Status == "refunded")
            {
                order = order with { Refunds = [new WooRefund(nextItemId++, "Refunded in full", -order.Total)] };
            }

            orders[order.Id] = order;
            return order;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the order and bumps its modified time. A status change stamps
    /// date_completed / date_paid as WooCommerce does and adds its system note.
    /// </summary>
    public WooOrder? Update(int id, Func<WooOrder, WooOrder> change)
    {
        lock (gate)
        {
            if (!orders.TryGetValue(id, out var current))
            {
                return null;
            }

            var now = Now();
            var updated = change(current) with { Id = current.Id, ModifiedAt = now > current.ModifiedAt ? now : current.ModifiedAt.AddSeconds(1) };
            if (updated.Status != current.Status)
            {
                updated = updated with
                {
                    CompletedAt = updated.Status == "completed" ? now : updated.CompletedAt,
                    PaidAt = updated.PaidAt ?? (updated.Status is "processing" or "completed" ? now : null),
                    Notes = [.. updated.Notes, new WooOrderNote(nextNoteId++, "system", now,
                        $"Order status changed from {WooOrderStatuses.Label(current.Status)} to {WooOrderStatuses.Label(updated.Status)}.", false)],
                };
            }

            orders[id] = updated;
            return updated;
        }
    }

    /// <summary>
    /// Sets meta entries as WooCommerce's update_meta_data does: an entry with an id replaces that entry, one without
    /// replaces the first entry with its key or is added; a null value deletes the key.
    /// </summary>
    public IReadOnlyList<WooMeta> MergeMeta(IReadOnlyList<WooMeta> current, IEnumerable<(int? Id, string Key, JsonNode? Value)> changes)
    {
        lock (gate)
        {
            var meta = current.ToList();
            foreach (var (id, key, value) in changes)
            {
                var index = id is { } known ? meta.FindIndex(m => m.Id == known) : meta.FindIndex(m => m.Key == key);
                if (value is null)
                {
                    meta.RemoveAll(m => m.Key == key);
                }
                else if (index >= 0)
                {
                    meta[index] = meta[index] with { Key = key, Value = value.DeepClone() };
                }
                else
                {
                    meta.Add(new WooMeta(nextMetaId++, key, value.DeepClone()));
                }
            }

            return meta;
        }
    }

    public WooOrderNote? AddNote(int orderId, string note, bool customerNote, string author)
    {
        lock (gate)
        {
            if (!orders.TryGetValue(orderId, out var order))
            {
                return null;
            }

            var added = new WooOrderNote(nextNoteId++, author, Now(), note, customerNote);
            orders[orderId] = order with { Notes = [.. order.Notes, added] };
            return added;
        }
    }

    /// <summary>Adds a fulfillment after checking its <c>_items</c> against the order's lines and what is still unfulfilled.</summary>
    public (WooFulfillment? Created, WooError? Error) AddFulfillment(int orderId, string status, bool isFulfilled, IReadOnlyList<(int? Id, string Key, JsonNode? Value)> meta)
    {
        lock (gate)
        {
            if (!orders.TryGetValue(orderId, out var order))
            {
                return (null, WooOrderErrors.InvalidOrderId);
            }

            if (meta.FirstOrDefault(m => m.Key == "_items").Value is not JsonArray items || items.Count == 0)
            {
                return (null, new WooError(400, "woocommerce_fulfillment_invalid_items", "The fulfillment must contain at least one item (_items)."));
            }

            foreach (var entry in items)
            {
                if (entry is not JsonObject item || !TryInt(item["item_id"], out var itemId) || !TryInt(item["qty"], out var quantity) || quantity < 1)
                {
                    return (null, new WooError(400, "woocommerce_fulfillment_invalid_items", "Each _items entry needs an integer item_id and a positive integer qty."));
                }

                if (order.Lines.FirstOrDefault(l => l.Id == itemId) is not { } line)
                {
                    return (null, new WooError(400, "woocommerce_fulfillment_invalid_items", $"Item {itemId} is not a line item of order {orderId}."));
                }

                var fulfilled = order.Fulfillments.SelectMany(f => f.Items).Where(i => i.ItemId == itemId).Sum(i => i.Quantity);
                if (fulfilled + quantity > line.Quantity)
                {
                    return (null, new WooError(400, "woocommerce_fulfillment_invalid_items", $"Item {itemId} has {line.Quantity - fulfilled} left to fulfill, not {quantity}."));
                }
            }

            var now = Now();
            var fulfillment = new WooFulfillment(nextFulfillmentId++, orderId, status, isFulfilled, now, now,
                meta.Where(m => m.Value is not null).Select(m => new WooMeta(nextMetaId++, m.Key, m.Value!.DeepClone())).ToList());
            orders[orderId] = order with { Fulfillments = [.. order.Fulfillments, fulfillment] };
            return (fulfillment, null);
        }
    }

    private static bool TryInt(JsonNode? node, out int value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number && v.TryGetValue(out value);
    }

    private static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
