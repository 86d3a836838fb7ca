using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// <c>GET /_sandbox/state</c>, <c>GET /_sandbox/stats</c>, <c>GET /_sandbox/requests</c>, <c>POST /_sandbox/faults</c>, <c>POST /_sandbox/seed</c>, <c>POST /_sandbox/stock</c>,
/// <c>POST /_sandbox/orders</c> (place an order), <c>POST /_sandbox/orders/{id}</c> (set its status),
/// <c>POST /_sandbox/orders/{id}/cancel</c>: the demo's window into the store. Unauthenticated: the sandbox listens on loopback and holds no real data.
/// </summary>
internal sealed class WooSandboxAdminEndpoints(WooCommerceSandbox sandbox)
{
    public async Task HandleAsync(HttpContext context, string path)
    {
        switch (context.Request.Method, path)
        {
            case ("GET", "state"):
                await WriteState(context);
                break;
            case ("GET", "stats"):
                await WooCommerceApi.Json(context, 200, json =>
                {
                    json.WriteStartObject();
                    json.WriteNumber("requests", sandbox.RequestCount);
                    json.WriteNumber("write_requests", sandbox.WriteRequests.Count);
                    json.WriteNumber("rate_limited", sandbox.RateLimitedCount);
                    json.WriteEndObject();
                });
                break;
            case ("GET", "requests"):
                await WooCommerceApi.Json(context, 200, json => LoggedRequestsJson.Write(json, sandbox.RequestCount, sandbox.Requests.Select(r => new LoggedRequest(r.ReceivedAt, r.Method, r.Path, r.Query, r.Body, r.Status))));
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
                await PlaceOrderAsync(context);
                break;
            case ("POST", _) when path.StartsWith("orders/", StringComparison.Ordinal):
                await ChangeOrderAsync(context, path["orders/".Length..]);
                break;
            default:
                await WooCommerceApi.Error(context, new WooError(404, "rest_no_route", "Unknown sandbox endpoint."));
                break;
        }
    }

    private Task WriteState(HttpContext context)
    {
        var state = sandbox.State();
        var writes = sandbox.WriteRequests;
        var variationIds = state.Variations.ToLookup(v => v.ParentId, v => v.Id);
        return WooCommerceApi.Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("products");
            foreach (var product in state.Products)
            {
                WooJson.WriteItem(json, product, variationIds[product.Id].ToList());
            }

            json.WriteEndArray();
            json.WriteStartArray("variations");
            foreach (var variation in state.Variations)
            {
                WooJson.WriteItem(json, variation, []);
            }

            json.WriteEndArray();
            json.WriteStartArray("orders");
            foreach (var order in state.Orders)
            {
                WriteOrderState(json, order);
            }

            json.WriteEndArray();
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

    /// <summary>Body: any of <c>fail_next</c>, <c>fail_status</c>, <c>retry_after_s</c>, <c>delay_ms</c>, <c>rate_limit</c> with <c>rate_limit_window_ms</c> (0 = off).</summary>
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
                TimeSpan? retryAfter = root.TryGetProperty("retry_after_s", out var wait) ? TimeSpan.FromSeconds(wait.GetInt32()) : null;
                sandbox.FailNext(failNext.GetInt32(), root.TryGetProperty("fail_status", out var status) ? status.GetInt32() : 500, retryAfter);
            }

            if (root.TryGetProperty("delay_ms", out var delay))
            {
                sandbox.Delay(TimeSpan.FromMilliseconds(delay.GetInt32()));
            }

            if (root.TryGetProperty("rate_limit", out var limit))
            {
                var window = root.TryGetProperty("rate_limit_window_ms", out var ms) ? TimeSpan.FromMilliseconds(ms.GetInt32()) : TimeSpan.FromSeconds(1);
                sandbox.RateLimit(limit.GetInt32(), window);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            await BadRequest(context, exception.Message);
            return;
        }

        context.Response.StatusCode = 204;
    }

    /// <summary>Body: <c>{"skus": ["A"], "variable": [{"sku": "P", "variations": ["P-S", "P-M"]}]}</c>; both optional.</summary>
    private async Task SeedAsync(HttpContext context)
    {
        using var document = await ReadJson(context);
        var root = document?.RootElement;
        if (root is not { ValueKind: JsonValueKind.Object } body)
        {
            await BadRequest(context, "Expected {\"skus\": [...], \"variable\": [{\"sku\": ..., \"variations\": [...]}]}.");
            return;
        }

        var seeded = new List<WooProduct>();
        try
        {
            if (body.TryGetProperty("skus", out var skus))
            {
                seeded.AddRange(sandbox.Seed(skus.EnumerateArray().Select(s => s.GetString()!).ToList()));
            }

            if (body.TryGetProperty("variable", out var variable))
            {
                foreach (var entry in variable.EnumerateArray())
                {
                    var (parent, variations) = sandbox.SeedVariable(entry.GetProperty("sku").GetString()!,
                        entry.GetProperty("variations").EnumerateArray().Select(s => s.GetString()!).ToList());
                    seeded.Add(parent);
                    seeded.AddRange(variations);
                }
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            await BadRequest(context, exception.Message);
            return;
        }

        await WooCommerceApi.Json(context, 200, json =>
        {
            json.WriteStartArray();
            foreach (var item in seeded)
            {
                WooJson.WriteItem(json, item, []);
            }

            json.WriteEndArray();
        });
    }

    /// <summary>Body: <c>{"levels": [{"sku": "A", "quantity": 5}]}</c>; see <see cref="WooCommerceSandbox.SetStock"/>. Answers the count set.</summary>
    private async Task SetStockAsync(HttpContext context)
    {
        using var document = await ReadJson(context);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("levels", out var levels) || levels.ValueKind != JsonValueKind.Array)
        {
            await BadRequest(context, "Expected {\"levels\": [{\"sku\": ..., \"quantity\": ...}]}.");
            return;
        }

        int count;
        try
        {
            count = sandbox.SetStock(levels.EnumerateArray().Select(l => (l.GetProperty("sku").GetString()!, l.GetProperty("quantity").GetInt64())).ToList());
        }
        catch (Exception exception) when (exception is InvalidOperationException or KeyNotFoundException or FormatException or OverflowException)
        {
            await BadRequest(context, exception.Message);
            return;
        }

        await WooCommerceApi.Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("set", count);
            json.WriteEndObject();
        });
    }

    /// <summary>An order as the API shows it, plus its notes and fulfillments (which the API serves from sub-routes).</summary>
    private static void WriteOrderState(Utf8JsonWriter json, WooOrder order)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WooOrderJson.WriteOrder(writer, order);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        json.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(json);
        }

        json.WriteStartArray("notes");
        foreach (var note in order.Notes)
        {
            WooOrderJson.WriteNote(json, note);
        }

        json.WriteEndArray();
        json.WriteStartArray("fulfillments");
        foreach (var fulfillment in order.Fulfillments)
        {
            WooOrderJson.WriteFulfillment(json, fulfillment);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Body: <c>{"lines": [{"sku": "A", "quantity": 2, "price": 9.5}], "status": "processing", "customer_id": 0, "currency": "EUR", "coupon": "CODE", "coupon_percent": 10}</c>.</summary>
    private async Task PlaceOrderAsync(HttpContext context)
    {
        using var document = await ReadJson(context);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("lines", out var lines) || lines.ValueKind != JsonValueKind.Array)
        {
            await BadRequest(context, "Expected {\"lines\": [{\"sku\": ..., \"quantity\": ...}], \"status\": ..., \"customer_id\": ...}.");
            return;
        }

        WooOrder order;
        try
        {
            var draft = new WooOrderDraft();
            if (body.TryGetProperty("status", out var status))
            {
                draft = draft with { Status = status.GetString()! };
            }

            if (body.TryGetProperty("customer_id", out var customer))
            {
                draft = draft with { CustomerId = customer.GetInt32() };
            }

            if (body.TryGetProperty("currency", out var currency))
            {
                draft = draft with { Currency = currency.GetString()! };
            }

            if (body.TryGetProperty("coupon", out var coupon))
            {
                draft = draft with { Coupon = (coupon.GetString()!, body.TryGetProperty("coupon_percent", out var percent) ? percent.GetDecimal() : 10m) };
            }

            order = sandbox.SeedOrder(lines.EnumerateArray().Select(l => new WooOrderLineSeed(
                l.GetProperty("sku").GetString()!, l.GetProperty("quantity").GetInt32(),
                l.TryGetProperty("price", out var price) ? price.GetDecimal() : null)).ToList(), draft);
        }
        catch (Exception exception) when (exception is InvalidOperationException or KeyNotFoundException or ArgumentException or FormatException)
        {
            await BadRequest(context, exception.Message);
            return;
        }

        await WooCommerceApi.Json(context, 201, json => WriteOrderState(json, order));
    }

    /// <summary><c>orders/{id}</c> with body <c>{"status": "completed"}</c>, or <c>orders/{id}/cancel</c>.</summary>
    private async Task ChangeOrderAsync(HttpContext context, string rest)
    {
        var parts = rest.Split('/');
        if (!int.TryParse(parts[0], out var id) || parts.Length > 2 || (parts.Length == 2 && parts[1] != "cancel"))
        {
            await WooCommerceApi.Error(context, new WooError(404, "rest_no_route", "Unknown sandbox endpoint."));
            return;
        }

        WooOrder? order;
        try
        {
            if (parts.Length == 2)
            {
                order = sandbox.CancelOrder(id);
            }
            else
            {
                using var document = await ReadJson(context);
                if (document?.RootElement is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
                {
                    await BadRequest(context, "Expected {\"status\": ...}.");
                    return;
                }

                order = sandbox.UpdateOrder(id, status.GetString()!);
            }
        }
        catch (ArgumentException exception)
        {
            await BadRequest(context, exception.Message);
            return;
        }

        await (order is null
            ? WooCommerceApi.Error(context, WooOrderErrors.InvalidOrderId)
            : WooCommerceApi.Json(context, 200, json => WriteOrderState(json, order)));
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
        WooCommerceApi.Error(context, new WooError(400, "rest_invalid_param", message));
}
