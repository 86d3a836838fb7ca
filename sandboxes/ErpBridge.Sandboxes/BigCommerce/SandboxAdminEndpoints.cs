using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// <c>GET /_sandbox/state</c>, <c>GET /_sandbox/stats</c> (request and 429 counts), <c>GET /_sandbox/requests</c> (the request log), <c>POST /_sandbox/faults</c>,
/// <c>POST /_sandbox/seed</c>, <c>POST /_sandbox/stock</c> (set levels, creating missing SKUs), <c>POST /_sandbox/orders</c> (seed an order), <c>POST /_sandbox/orders/{id}</c> (change its
/// status or payment status) and <c>POST /_sandbox/orders/{id}/cancel</c>: the demo's window into the store.
/// Unauthenticated: the sandbox listens on loopback and holds no real data.
/// </summary>
internal sealed class SandboxAdminEndpoints(BigCommerceSandbox sandbox)
{
    public async Task HandleAsync(HttpContext context, string path)
    {
        switch (context.Request.Method, path)
        {
            case ("GET", "state"):
                await WriteState(context);
                break;
            case ("GET", "stats"):
                var settings = sandbox.RateLimitSettings;
                await BigCommerceApi.Json(context, 200, json =>
                {
                    json.WriteStartObject();
                    json.WriteNumber("requests", sandbox.RequestCount);
                    json.WriteNumber("rate_limited", sandbox.RateLimitedCount);
                    json.WriteStartObject("rate_limit");
                    json.WriteBoolean("enabled", settings.Enabled);
                    json.WriteNumber("quota", settings.Quota);
                    json.WriteNumber("window_ms", (long)settings.Window.TotalMilliseconds);
                    json.WriteEndObject();
                    json.WriteEndObject();
                });
                break;
            case ("GET", "requests"):
                await BigCommerceApi.Json(context, 200, json => LoggedRequestsJson.Write(json, sandbox.RequestCount, sandbox.Requests.Select(r => new LoggedRequest(r.ReceivedAt, r.Method, r.Path, r.Query, r.Body, r.Status))));
                break;
            case ("POST", "faults"):
                await ApplyFaults(context);
                break;
            case ("POST", "seed"):
                await SeedAsync(context);
                break;
            case ("POST", "stock"):
                await SetStockAsync(context);
                break;
            case ("POST", "orders"):
                await SeedOrderAsync(context);
                break;
            case ("POST", _) when path.StartsWith("orders/", StringComparison.Ordinal):
                await ChangeOrderAsync(context, path["orders/".Length..]);
                break;
            default:
                await BigCommerceApi.Json(context, 404, json => BigCommerceJson.WriteProblem(json, 404, "Unknown sandbox endpoint", null));
                break;
        }
    }

    private Task WriteState(HttpContext context)
    {
        var state = sandbox.State();
        var settings = sandbox.RateLimitSettings;
        var writes = sandbox.WriteRequests;
        return BigCommerceApi.Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("products");
            foreach (var product in state.Products)
            {
                BigCommerceJson.WriteProduct(json, product, state.Inventory.Where(i => i.VariantId == product.BaseVariantId).Sum(i => i.Quantity), fields: null);
            }

            json.WriteEndArray();
            json.WriteStartArray("variants");
            foreach (var variant in state.Variants)
            {
                json.WriteStartObject();
                json.WriteNumber("id", variant.Id);
                json.WriteNumber("product_id", variant.ProductId);
                json.WriteString("sku", variant.Sku);
                json.WriteBoolean("is_base_variant", variant.IsBaseVariant);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("locations");
            foreach (var location in state.Locations)
            {
                BigCommerceJson.WriteLocation(json, location);
            }

            json.WriteEndArray();
            json.WriteStartArray("inventory");
            foreach (var level in state.Inventory)
            {
                json.WriteStartObject();
                json.WriteNumber("variant_id", level.VariantId);
                json.WriteString("sku", level.Sku);
                json.WriteNumber("location_id", level.LocationId);
                json.WriteString("location_code", level.LocationCode);
                json.WriteNumber("quantity", level.Quantity);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("orders");
            foreach (var order in state.Orders)
            {
                WriteOrder(json, order);
            }

            json.WriteEndArray();
            json.WriteStartObject("rate_limit");
            json.WriteBoolean("enabled", settings.Enabled);
            json.WriteNumber("quota", settings.Quota);
            json.WriteNumber("window_ms", (long)settings.Window.TotalMilliseconds);
            json.WriteEndObject();
            json.WriteNumber("request_count", sandbox.RequestCount);
            json.WriteStartArray("recent_write_requests");
            foreach (var write in writes.TakeLast(50))
            {
                json.WriteStartObject();
                json.WriteString("received_at", write.ReceivedAt);
                json.WriteString("method", write.Method);
                json.WriteString("path", write.Path);
                json.WriteNumber("status", write.Status);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Body: any of <c>fail_next</c>, <c>fail_status</c>, <c>delay_ms</c>, <c>rate_limit_enabled</c>, <c>rate_limit_quota</c>, <c>rate_limit_window_ms</c>.</summary>
    private async Task ApplyFaults(HttpContext context)
    {
        using var document = await ReadJson(context);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            await BadRequest(context, "Expected a JSON object.");
            return;
        }

        var root = document.RootElement;
        try
        {
            if (root.TryGetProperty("fail_next", out var failNext))
            {
                sandbox.FailNext(failNext.GetInt32(), root.TryGetProperty("fail_status", out var status) ? status.GetInt32() : 500);
            }

            if (root.TryGetProperty("delay_ms", out var delay))
            {
                sandbox.Delay(TimeSpan.FromMilliseconds(delay.GetInt32()));
            }

            if (root.TryGetProperty("rate_limit_enabled", out var enabled))
            {
                int? quota = root.TryGetProperty("rate_limit_quota", out var q) ? q.GetInt32() : null;
                TimeSpan? window = root.TryGetProperty("rate_limit_window_ms", out var w) ? TimeSpan.FromMilliseconds(w.GetInt32()) : null;
                sandbox.RateLimit(enabled.GetBoolean(), quota, window);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            await BadRequest(context, exception.Message);
            return;
        }

        context.Response.StatusCode = 204;
    }

    /// <summary>Body: <c>{"skus": ["A", "B"]}</c>.</summary>
    private async Task SeedAsync(HttpContext context)
    {
        using var document = await ReadJson(context);
        if (document is null || !document.RootElement.TryGetProperty("skus", out var skus) || skus.ValueKind != JsonValueKind.Array
            || skus.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
        {
            await BadRequest(context, "Expected {\"skus\": [\"SKU\", ...]}.");
            return;
        }

        var products = sandbox.Seed(skus.EnumerateArray().Select(s => s.GetString()!).ToList());
        await BigCommerceApi.Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var product in products)
            {
                json.WriteStartObject();
                json.WriteNumber("id", product.Id);
                json.WriteString("sku", product.Sku);
                json.WriteNumber("base_variant_id", product.BaseVariantId);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Body: <c>{"levels": [{"sku": "A", "location": "WH1", "quantity": 5}, ...]}</c>; answers how many levels were set.</summary>
    private async Task SetStockAsync(HttpContext context)
    {
        using var document = await ReadJson(context);
        var levels = new List<(string Sku, string Location, long Quantity)>();
        if (document is null || !document.RootElement.TryGetProperty("levels", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            await BadRequest(context, "Expected {\"levels\": [{\"sku\": \"SKU\", \"location\": \"WH1\", \"quantity\": 5}, ...]}.");
            return;
        }

        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("sku", out var sku) || sku.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("location", out var location) || location.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("quantity", out var quantity) || !quantity.TryGetInt64(out var count))
            {
                await BadRequest(context, "Every level needs a string sku and location and an integer quantity.");
                return;
            }

            levels.Add((sku.GetString()!, location.GetString()!, count));
        }

        try
        {
            sandbox.SetStock(levels);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            await BadRequest(context, exception.Message);
            return;
        }

        await BigCommerceApi.Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("levels", levels.Count);
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Body: <c>{"id": 1001, "lines": [{"sku": "SKU-1", "quantity": 2, "price": 24.5, "tax_rate": 0.0825, "discount": 1, "name": "..."}, ...]}</c>
    /// and optionally <c>customer_id</c> (0 = guest), <c>status_id</c>, <c>payment_status</c>, <c>shipping_cost</c>,
    /// <c>currency_code</c>, <c>customer_message</c>; a line with an empty SKU is a custom product. Answers the order as the state shows it.
    /// </summary>
    private async Task SeedOrderAsync(HttpContext context)
    {
        using var document = await ReadJson(context);
        var lines = new List<SandboxOrderLineSeed>();
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } order
            || !order.TryGetProperty("id", out var id) || !id.TryGetInt32(out var orderId) || orderId < 1
            || !order.TryGetProperty("lines", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            await BadRequest(context, OrderShape);
            return;
        }

        foreach (var line in items.EnumerateArray())
        {
            if (line.ValueKind != JsonValueKind.Object
                || !line.TryGetProperty("sku", out var sku) || sku.ValueKind != JsonValueKind.String
                || !line.TryGetProperty("quantity", out var quantity) || !quantity.TryGetInt32(out var count) || count < 1
                || Decimal(line, "price", 10m) is not { } price || Decimal(line, "tax_rate", 0m) is not { } taxRate || Decimal(line, "discount", 0m) is not { } discount)
            {
                await BadRequest(context, OrderShape);
                return;
            }

            lines.Add(new SandboxOrderLineSeed(sku.GetString()!, count, price)
            {
                TaxRate = taxRate,
                Discount = discount,
                Name = line.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
            });
        }

        var defaults = new SandboxOrderSeed(orderId, lines);
        SandboxOrder seeded;
        try
        {
            seeded = sandbox.SeedOrder(defaults with
            {
                CustomerId = order.TryGetProperty("customer_id", out var customer) && customer.TryGetInt32(out var customerId) ? customerId : defaults.CustomerId,
                StatusId = order.TryGetProperty("status_id", out var status) && status.TryGetInt32(out var statusId) ? statusId : defaults.StatusId,
                PaymentStatus = Text(order, "payment_status") ?? defaults.PaymentStatus,
                ShippingCost = Decimal(order, "shipping_cost", 0m) ?? 0m,
                CurrencyCode = Text(order, "currency_code") ?? defaults.CurrencyCode,
                CustomerMessage = Text(order, "customer_message") ?? "",
            });
        }
        catch (ArgumentException exception)
        {
            await BadRequest(context, exception.Message);
            return;
        }

        await BigCommerceApi.Json(context, 200, json => WriteOrder(json, seeded));
    }

    /// <summary><c>orders/{id}</c> with body <c>{"status_id": 10, "payment_status": "refunded"}</c> (either), or <c>orders/{id}/cancel</c>.</summary>
    private async Task ChangeOrderAsync(HttpContext context, string rest)
    {
        var parts = rest.Split('/');
        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var orderId)
            || parts.Length > 2 || (parts.Length == 2 && parts[1] != "cancel"))
        {
            await BigCommerceApi.Json(context, 404, json => BigCommerceJson.WriteProblem(json, 404, "Unknown sandbox endpoint", null));
            return;
        }

        SandboxOrder? changed;
        if (parts.Length == 2)
        {
            changed = sandbox.CancelOrder(orderId);
        }
        else
        {
            using var document = await ReadJson(context);
            if (document?.RootElement is not { ValueKind: JsonValueKind.Object } body)
            {
                await BadRequest(context, "Expected {\"status_id\": 10, \"payment_status\": \"paid\"} (either or both).");
                return;
            }

            int? statusId = body.TryGetProperty("status_id", out var status) && status.TryGetInt32(out var value) ? value : null;
            try
            {
                changed = sandbox.UpdateOrder(orderId, statusId, Text(body, "payment_status"));
            }
            catch (ArgumentOutOfRangeException exception)
            {
                await BadRequest(context, exception.Message);
                return;
            }
        }

        if (changed is null)
        {
            await BigCommerceApi.Json(context, 404, json => BigCommerceJson.WriteProblem(json, 404, $"No order {orderId} in the sandbox", null));
            return;
        }

        await BigCommerceApi.Json(context, 200, json => WriteOrder(json, changed));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The number, the fallback when absent, or null when present but not a number.</summary>
    private static decimal? Decimal(JsonElement element, string name, decimal fallback) =>
        !element.TryGetProperty(name, out var value) ? fallback
        : value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number
        : null;

    private const string OrderShape = "Expected {\"id\": 1001, \"lines\": [{\"sku\": \"SKU\", \"quantity\": 1}, ...]} (a line may add price, tax_rate, discount, name; the order customer_id, status_id, payment_status, shipping_cost, currency_code, customer_message).";

    /// <summary>An order with its products, shipping addresses and shipments nested, in v2 field names.</summary>
    private static void WriteOrder(Utf8JsonWriter json, SandboxOrder order)
    {
        json.WriteStartObject();
        json.WriteNumber("id", order.Id);
        json.WriteNumber("status_id", order.StatusId);
        json.WriteString("status", order.Status);
        json.WriteString("payment_status", order.PaymentStatus);
        json.WriteString("date_created", BigCommerceDates.Format(order.DateCreated));
        json.WriteString("date_modified", BigCommerceDates.Format(order.DateModified));
        json.WriteString("total_inc_tax", order.TotalIncTax.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartArray("products");
        foreach (var product in order.Products)
        {
            BigCommerceOrdersApi.WriteOrderProduct(json, product);
        }

        json.WriteEndArray();
        json.WriteStartArray("shipping_addresses");
        foreach (var address in order.ShippingAddresses)
        {
            BigCommerceOrdersApi.WriteAddress(json, address, order, "/");
        }

        json.WriteEndArray();
        json.WriteStartArray("shipments");
        foreach (var shipment in order.Shipments)
        {
            BigCommerceOrdersApi.WriteShipment(json, shipment);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static async Task<JsonDocument?> ReadJson(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task BadRequest(HttpContext context, string message) =>
        BigCommerceApi.Json(context, 400, json => BigCommerceJson.WriteProblem(json, 400, message, null));
}
