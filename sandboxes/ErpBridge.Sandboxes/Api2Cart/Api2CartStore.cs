using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>
/// The cart behind the sandbox: products and orders with their shipments, behind one lock. Methods take the request's
/// fields and answer as API2Cart does, with a return code: 112 for an unknown id, 113 for a SKU that exists, 114 for a
/// missing required field, 109 for a field the sandbox does not know (so that a map writing a field the connector's
/// contract does not have fails in tests instead of being silently ignored).
/// </summary>
internal sealed class Api2CartStore(Api2CartSandboxOptions options)
{
    private static readonly HashSet<string> ProductFields =
        ["id", "name", "model", "sku", "description", "price", "quantity", "warehouse_id", "manage_stock", "status", "available_for_view", "weight", "weight_unit", "barcode", "idempotency_key"];

    private readonly Lock gate = new();
    private readonly List<Api2CartProduct> products = [];
    private readonly List<Api2CartOrder> orders = [];
    private int nextProductId = 1;
    private int nextShipmentId = 1;
    private int nextLineId = 1;

    public Api2CartSandboxState Snapshot()
    {
        lock (gate)
        {
            return new Api2CartSandboxState([.. products], [.. orders]);
        }
    }

    public IReadOnlyList<Api2CartProduct> Seed(IReadOnlyList<string> skus)
    {
        var now = options.TimeProvider.GetUtcNow();
        lock (gate)
        {
            foreach (var sku in skus.Where(s => products.All(p => p.Sku != s)))
            {
                products.Add(new Api2CartProduct(NextProductId(), sku, sku, $"Product {sku}", "", 10m, 0, new Dictionary<string, decimal>(), true, "enabled", true, null, null, null, now, now));
            }

            return [.. products.Where(p => skus.Contains(p.Sku))];
        }
    }

    public void SetStock(IEnumerable<(string Sku, string? Warehouse, decimal Quantity)> levels)
    {
        lock (gate)
        {
            foreach (var (sku, warehouse, quantity) in levels)
            {
                var index = products.FindIndex(p => p.Sku == sku);
                if (index < 0)
                {
                    Seed([sku]);
                    index = products.FindIndex(p => p.Sku == sku);
                }

                products[index] = WithQuantity(products[index], warehouse, quantity);
            }
        }
    }

    public bool Delete(string sku)
    {
        lock (gate)
        {
            return products.RemoveAll(p => p.Sku == sku) > 0;
        }
    }

    public Api2CartAnswer ListProducts(int start, int count, string? sku)
    {
        lock (gate)
        {
            var matching = products.Where(p => sku is null || p.Sku == sku).ToList();
            var page = matching.Skip(start).Take(count).ToList();
            var list = new JsonArray([.. page.Select(p => (JsonNode)Api2CartRendering.Product(p))]);
            var next = start + page.Count < matching.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return Api2CartAnswer.Page(new JsonObject { ["products_count"] = matching.Count, ["product"] = list }, next);
        }
    }

    public Api2CartAnswer UpdateProduct(JsonObject fields)
    {
        if (Unknown(fields, ProductFields) is { } unknown)
        {
            return unknown;
        }

        if (Text(fields, "id") is not { Length: > 0 } id)
        {
            return Api2CartAnswer.Error(114, "Required parameter 'id' is not specified");
        }

        lock (gate)
        {
            var index = products.FindIndex(p => p.Id == id);
            if (index < 0)
            {
                return Api2CartAnswer.Error(112, $"Product with id {id} not found");
            }

            var warehouse = Text(fields, "warehouse_id");
            if (warehouse is { Length: > 0 } && !options.Warehouses.Contains(warehouse))
            {
                return Api2CartAnswer.Error(112, $"Warehouse with id {warehouse} not found");
            }

            var product = Apply(products[index], fields);
            if (Number(fields, "quantity") is { } quantity)
            {
                product = WithQuantity(product, warehouse, quantity);
            }

            if (products.Any(p => p.Id != id && p.Sku == product.Sku))
            {
                return Api2CartAnswer.Error(113, $"Product with sku {product.Sku} already exists");
            }

            products[index] = product with { ModifiedAt = options.TimeProvider.GetUtcNow() };
            return Api2CartAnswer.Ok(new JsonObject { ["updated_items"] = 1 });
        }
    }

    public Api2CartAnswer AddProduct(JsonObject fields)
    {
        if (Unknown(fields, ProductFields) is { } unknown)
        {
            return unknown;
        }

        foreach (var required in new[] { "name", "model", "description", "price" })
        {
            if (fields[required] is null)
            {
                return Api2CartAnswer.Error(114, $"Required parameter '{required}' is not specified");
            }
        }

        var now = options.TimeProvider.GetUtcNow();
        lock (gate)
        {
            var sku = Text(fields, "sku") is { Length: > 0 } given ? given : Text(fields, "model")!;
            if (products.Any(p => p.Sku == sku))
            {
                return Api2CartAnswer.Error(113, $"Product with sku {sku} already exists");
            }

            var product = Apply(new Api2CartProduct(NextProductId(), sku, sku, "", "", 0, 0, new Dictionary<string, decimal>(), true, "enabled", true, null, null, null, now, now), fields);
            product = WithQuantity(product, Text(fields, "warehouse_id"), Number(fields, "quantity") ?? 0);
            products.Add(product);
            return Api2CartAnswer.Ok(new JsonObject { ["product_id"] = product.Id });
        }
    }

    public Api2CartOrder SeedOrder(string orderId, IEnumerable<(string? Sku, string Name, decimal Price, int Quantity, decimal Tax)> lines, string status, decimal shipping, bool paid, DateTimeOffset? at)
    {
        var when = at ?? options.TimeProvider.GetUtcNow();
        lock (gate)
        {
            var built = lines.Select(l => new Api2CartOrderLine(
                (nextLineId++).ToString(CultureInfo.InvariantCulture), products.FirstOrDefault(p => p.Sku == l.Sku)?.Id, l.Sku, l.Name, l.Price, l.Quantity, l.Tax, 0)).ToList();
            var order = new Api2CartOrder(
                (orders.Count + 1).ToString(CultureInfo.InvariantCulture), orderId, status, "USD", "7", "buyer@example.com", "Sam", "Buyer", built, shipping, 0, when, when, []);
            order = order with { TotalPaid = paid ? order.Total : 0 };
            orders.RemoveAll(o => o.OrderId == orderId);
            orders.Add(order);
            return order;
        }
    }

    public Api2CartOrder? UpdateOrder(string orderId, string status)
    {
        lock (gate)
        {
            var index = orders.FindIndex(o => o.OrderId == orderId);
            if (index < 0)
            {
                return null;
            }

            orders[index] = orders[index] with { Status = status, ModifiedAt = options.TimeProvider.GetUtcNow() };
            return orders[index];
        }
    }

    /// <summary>Orders modified at or after <paramref name="modifiedFrom"/>, sorted as asked, one page of them.</summary>
    public Api2CartAnswer ListOrders(DateTimeOffset? modifiedFrom, string sortBy, bool descending, int start, int count)
    {
        lock (gate)
        {
            var matching = orders.Where(o => modifiedFrom is null || o.ModifiedAt >= modifiedFrom).ToList();
            Func<Api2CartOrder, IComparable> key = sortBy switch
            {
                "modified_at" => o => o.ModifiedAt,
                "create_at" => o => o.CreatedAt,
                _ => o => long.Parse(o.Id, CultureInfo.InvariantCulture),
            };
            var sorted = (descending ? matching.OrderByDescending(key) : matching.OrderBy(key)).ThenBy(o => long.Parse(o.Id, CultureInfo.InvariantCulture)).ToList();
            var page = sorted.Skip(start).Take(count).ToList();
            var next = start + page.Count < sorted.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return Api2CartAnswer.Page(new JsonObject { ["orders_count"] = sorted.Count, ["order"] = new JsonArray([.. page.Select(o => (JsonNode)Api2CartRendering.Order(o))]) }, next);
        }
    }

    public Api2CartAnswer OrderInfo(string? orderId, string? id)
    {
        lock (gate)
        {
            var order = orders.FirstOrDefault(o => (orderId is not null && o.OrderId == orderId) || (id is not null && o.Id == id));
            return order is null ? Api2CartAnswer.Error(112, $"Order {orderId ?? id} not found") : Api2CartAnswer.Ok(Api2CartRendering.Order(order));
        }
    }

    public Api2CartAnswer ListShipments(string orderId, int start, int count)
    {
        lock (gate)
        {
            if (orders.FirstOrDefault(o => o.OrderId == orderId) is not { } order)
            {
                return Api2CartAnswer.Error(112, $"Order {orderId} not found");
            }

            var page = order.Shipments.Skip(start).Take(count).ToList();
            var next = start + page.Count < order.Shipments.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return Api2CartAnswer.Page(new JsonObject { ["shipment_count"] = order.Shipments.Count, ["shipment"] = new JsonArray([.. page.Select(s => (JsonNode)Api2CartRendering.Shipment(s, order))]) }, next);
        }
    }

    public Api2CartAnswer AddShipment(JsonObject fields)
    {
        if (Unknown(fields, ["order_id", "items", "tracking_numbers", "tracking_provider", "tracking_link", "is_shipped", "send_notifications", "idempotency_key", "shipment_provider", "warehouse_id"]) is { } unknown)
        {
            return unknown;
        }

        if (Text(fields, "order_id") is not { Length: > 0 } orderId)
        {
            return Api2CartAnswer.Error(114, "Required parameter 'order_id' is not specified");
        }

        lock (gate)
        {
            var index = orders.FindIndex(o => o.OrderId == orderId);
            if (index < 0)
            {
                return Api2CartAnswer.Error(112, $"Order {orderId} not found");
            }

            var order = orders[index];
            var items = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var item in fields["items"] as JsonArray ?? [])
            {
                var lineId = item is JsonObject line ? Text(line, "order_product_id") : null;
                var quantity = item is JsonObject withQuantity ? Number(withQuantity, "quantity") ?? 0 : 0;
                if (lineId is null || order.Lines.All(l => l.OrderProductId != lineId))
                {
                    return Api2CartAnswer.Error(112, $"Order product {lineId} not found in order {orderId}");
                }

                var shipped = order.Shipments.Sum(s => s.Items.GetValueOrDefault(lineId));
                if (quantity <= 0 || shipped + quantity > order.Lines.First(l => l.OrderProductId == lineId).Quantity)
                {
                    return Api2CartAnswer.Error(109, $"Incorrect quantity {quantity} for order product {lineId}: {shipped} of it shipped already");
                }

                items[lineId] = quantity;
            }

            var tracking = (fields["tracking_numbers"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(t => (Text(t, "carrier_id"), Text(t, "tracking_number") ?? ""))
                .ToList();
            var shipment = new Api2CartShipment(
                (nextShipmentId++).ToString(CultureInfo.InvariantCulture), orderId, tracking, items.Count > 0 ? items : order.Lines.ToDictionary(l => l.OrderProductId, l => (decimal)l.Quantity),
                Text(fields, "tracking_provider"), Text(fields, "tracking_link"), fields["is_shipped"]?.GetValue<bool>() ?? true,
                fields["send_notifications"]?.GetValue<bool>() ?? false, options.TimeProvider.GetUtcNow());
            var shipments = order.Shipments.Append(shipment).ToList();
            var complete = order.Lines.All(l => shipments.Sum(s => s.Items.GetValueOrDefault(l.OrderProductId)) >= l.Quantity);
            orders[index] = order with { Shipments = shipments, Status = complete ? "Shipped" : order.Status, ModifiedAt = shipment.CreatedAt };
            return Api2CartAnswer.Ok(new JsonObject { ["shipment_id"] = shipment.Id });
        }
    }

    private string NextProductId() => (nextProductId++).ToString(CultureInfo.InvariantCulture);

    private static Api2CartAnswer? Unknown(JsonObject fields, IReadOnlyCollection<string> known) =>
        fields.Select(f => f.Key).FirstOrDefault(k => !known.Contains(k)) is { } unknown
            ? Api2CartAnswer.Error(109, $"Incorrect parameter '{unknown}'")
            : null;

    private static Api2CartProduct WithQuantity(Api2CartProduct product, string? warehouse, decimal quantity)
    {
        if (warehouse is not { Length: > 0 })
        {
            return product with { Quantity = quantity };
        }

        var warehouses = new Dictionary<string, decimal>(product.Warehouses) { [warehouse] = quantity };
        return product with { Warehouses = warehouses };
    }

    private static Api2CartProduct Apply(Api2CartProduct product, JsonObject fields) => product with
    {
        Name = Text(fields, "name") ?? product.Name,
        Sku = Text(fields, "sku") is { Length: > 0 } sku ? sku : product.Sku,
        Model = Text(fields, "model") ?? product.Model,
        Description = Text(fields, "description") ?? product.Description,
        Price = Number(fields, "price") ?? product.Price,
        ManageStock = fields["manage_stock"]?.GetValue<bool>() ?? product.ManageStock,
        Status = Text(fields, "status") ?? product.Status,
        AvailableForView = fields["available_for_view"]?.GetValue<bool>() ?? product.AvailableForView,
        Weight = Number(fields, "weight") ?? product.Weight,
        WeightUnit = Text(fields, "weight_unit") ?? product.WeightUnit,
        Barcode = Text(fields, "barcode") ?? product.Barcode,
    };

    private static string? Text(JsonObject fields, string name) => fields[name] is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    private static decimal? Number(JsonObject fields, string name) =>
        fields[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<decimal>() : null;
}
