using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// <c>GET /_sandbox/state</c>, <c>GET /_sandbox/stats</c> (request and 429 counts), <c>POST /_sandbox/faults</c>, <c>POST /_sandbox/seed</c>, <c>POST /_sandbox/orders</c> (seed an order): the demo's window into the store.
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
            case ("POST", "faults"):
                await ApplyFaults(context);
                break;
            case ("POST", "seed"):
                await SeedAsync(context);
                break;
            case ("POST", "orders"):
                await SeedOrderAsync(context);
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

    /// <summary>Body: <c>{"id": 1001, "lines": [{"sku": "SKU-1", "quantity": 2}, ...]}</c>; answers the order as the state shows it.</summary>
    private async Task SeedOrderAsync(HttpContext context)
    {
        using var document = await ReadJson(context);
        var lines = new List<(string Sku, int Quantity)>();
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
                || !line.TryGetProperty("sku", out var sku) || sku.ValueKind != JsonValueKind.String || sku.GetString()!.Length == 0
                || !line.TryGetProperty("quantity", out var quantity) || !quantity.TryGetInt32(out var count) || count < 1)
            {
                await BadRequest(context, OrderShape);
                return;
            }

            lines.Add((sku.GetString()!, count));
        }

        var seeded = sandbox.SeedOrder(orderId, lines);
        await BigCommerceApi.Json(context, 200, json => WriteOrder(json, seeded));
    }

    private const string OrderShape = "Expected {\"id\": 1001, \"lines\": [{\"sku\": \"SKU\", \"quantity\": 1}, ...]}.";

    /// <summary>An order with its products, shipping addresses and shipments nested, in v2 field names.</summary>
    private static void WriteOrder(Utf8JsonWriter json, SandboxOrder order)
    {
        json.WriteStartObject();
        json.WriteNumber("id", order.Id);
        json.WriteString("status", order.Status);
        json.WriteStartArray("products");
        foreach (var product in order.Products)
        {
            BigCommerceOrdersApi.WriteOrderProduct(json, product);
        }

        json.WriteEndArray();
        json.WriteStartArray("shipping_addresses");
        foreach (var address in order.ShippingAddresses)
        {
            BigCommerceOrdersApi.WriteAddress(json, address);
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
