using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// <c>GET /_sandbox/state</c>, <c>GET /_sandbox/stats</c>, <c>GET /_sandbox/requests</c>, <c>POST /_sandbox/faults</c>, <c>POST /_sandbox/seed</c>, <c>POST /_sandbox/stock</c>,
/// <c>POST /_sandbox/orders/update</c> and <c>POST /_sandbox/orders/cancel</c>: the demo's window into the store. Unauthenticated: the sandbox listens on loopback and holds no real data.
/// </summary>
internal sealed class MagentoAdminEndpoints(MagentoSandbox sandbox)
{
    public async Task HandleAsync(HttpContext context, string path)
    {
        switch (context.Request.Method, path)
        {
            case ("GET", "state"):
                await WriteState(context);
                break;
            case ("GET", "stats"):
                await MagentoJson.Write(context, 200, json =>
                {
                    json.WriteStartObject();
                    json.WriteNumber("requests", sandbox.RequestCount);
                    json.WriteEndObject();
                });
                break;
            case ("GET", "requests"):
                await MagentoJson.Write(context, 200, json => LoggedRequestsJson.Write(json, sandbox.RequestCount, sandbox.Requests.Select(r => new LoggedRequest(r.ReceivedAt, r.Method, r.Path, r.Query, r.Body, r.Status))));
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
            case ("POST", "orders/update"):
                await ChangeOrderAsync(context, cancel: false);
                break;
            case ("POST", "orders/cancel"):
                await ChangeOrderAsync(context, cancel: true);
                break;
            default:
                await MagentoJson.WriteError(context, new MagentoError(404, "Unknown sandbox endpoint"));
                break;
        }
    }

    private Task WriteState(HttpContext context)
    {
        var state = sandbox.State();
        var writes = sandbox.WriteRequests;
        return MagentoJson.Write(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("products");
            foreach (var product in state.Products)
            {
                MagentoJson.WriteProduct(json, product);
            }

            json.WriteEndArray();
            json.WriteStartArray("sources");
            foreach (var source in state.Sources)
            {
                MagentoJson.WriteSource(json, source);
            }

            json.WriteEndArray();
            json.WriteStartArray("source_items");
            foreach (var item in state.SourceItems)
            {
                MagentoJson.WriteSourceItem(json, item);
            }

            json.WriteEndArray();
            json.WriteStartArray("orders");
            foreach (var order in state.Orders)
            {
                MagentoSalesJson.WriteOrder(json, order);
            }

            json.WriteEndArray();
            json.WriteStartArray("shipments");
            foreach (var shipment in state.Shipments)
            {
                MagentoSalesJson.WriteShipment(json, shipment);
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
                json.WriteString("auth", write.Auth);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Body: any of <c>fail_next</c>, <c>fail_status</c>, <c>retry_after_s</c>, <c>delay_ms</c>, <c>rate_limit</c> (0 = off) with <c>rate_window_ms</c> (default 1000).</summary>
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
                sandbox.FailNext(
                    failNext.GetInt32(),
                    root.TryGetProperty("fail_status", out var status) ? status.GetInt32() : 500,
                    root.TryGetProperty("retry_after_s", out var retry) ? TimeSpan.FromSeconds(retry.GetInt32()) : null);
            }

            if (root.TryGetProperty("delay_ms", out var delay))
            {
                sandbox.Delay(TimeSpan.FromMilliseconds(delay.GetInt32()));
            }

            if (root.TryGetProperty("rate_limit", out var rateLimit))
            {
                sandbox.RateLimit(rateLimit.GetInt32(), TimeSpan.FromMilliseconds(root.TryGetProperty("rate_window_ms", out var window) ? window.GetInt32() : 1000));
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            await BadRequest(context, exception.Message);
            return;
        }

        context.Response.StatusCode = 204;
    }

    /// <summary>
    /// Body: <c>{"levels": [{"sku": "A", "source_code": "WH1", "quantity": 5}]}</c>: sets those levels, creating the
    /// products and sources that do not exist (see <see cref="MagentoSandbox.SetStock"/>). Answers <c>{"levels": n}</c>.
    /// </summary>
    private async Task SetStockAsync(HttpContext context)
    {
        using var document = await ReadJson(context);
        var levels = new List<(string Sku, string Location, long Quantity)>();
        try
        {
            if (document is null || document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("levels", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("missing levels");
            }

            foreach (var level in list.EnumerateArray())
            {
                levels.Add((level.GetProperty("sku").GetString() ?? "", level.GetProperty("source_code").GetString() ?? "", level.GetProperty("quantity").GetInt64()));
            }
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            await BadRequest(context, "Expected {\"levels\": [{\"sku\": \"A\", \"source_code\": \"WH1\", \"quantity\": 5}, ...]}.");
            return;
        }

        int count;
        try
        {
            count = sandbox.SetStock(levels);
        }
        catch (ArgumentException exception)
        {
            await BadRequest(context, exception.Message);
            return;
        }

        await MagentoJson.Write(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("levels", count);
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Body: <c>{"skus": ["A", "B"], "sources": ["WH1"], "orders": [{"increment_id": "000000042", "items": [{"sku": "A", "qty": 2}]}]}</c>,
    /// every list optional.
    /// </summary>
    private async Task SeedAsync(HttpContext context)
    {
        using var document = await ReadJson(context);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object
            || !StringList(document.RootElement, "skus", out var skus) || !StringList(document.RootElement, "sources", out var sources))
        {
            await BadRequest(context, "Expected {\"skus\": [\"SKU\", ...], \"sources\": [\"CODE\", ...]}.");
            return;
        }

        if (!OrderList(document.RootElement, out var orders))
        {
            await BadRequest(context, "Expected \"orders\": [{\"increment_id\": \"...\", \"items\": [{\"sku\": \"...\", \"qty\": 1}]}].");
            return;
        }

        sandbox.AddSources(sources);
        var products = sandbox.Seed(skus);
        var placed = orders.Select(o => sandbox.SeedOrder(o.Number, o.Lines)).ToList();
        await MagentoJson.Write(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            foreach (var product in products)
            {
                MagentoJson.WriteProduct(json, product);
            }

            json.WriteEndArray();
            json.WriteStartArray("orders");
            foreach (var order in placed)
            {
                MagentoSalesJson.WriteOrder(json, order);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Body: <c>{"increment_id": "000000101", "state": "complete", "status": "complete"}</c> (status optional) to
    /// update, <c>{"increment_id": "000000101"}</c> to cancel. Answers the order as <c>GET V1/orders</c> lists it.
    /// </summary>
    private async Task ChangeOrderAsync(HttpContext context, bool cancel)
    {
        using var document = await ReadJson(context);
        var root = document?.RootElement;
        string? Text(string name) =>
            root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        var number = Text("increment_id");
        var state = cancel ? "canceled" : Text("state");
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(state))
        {
            await BadRequest(context, cancel
                ? "Expected {\"increment_id\": \"...\"}."
                : "Expected {\"increment_id\": \"...\", \"state\": \"...\", \"status\": \"...\" (optional)}.");
            return;
        }

        MagentoOrder order;
        try
        {
            order = sandbox.UpdateOrder(number, state, cancel ? null : Text("status"));
        }
        catch (KeyNotFoundException exception)
        {
            await MagentoJson.WriteError(context, new MagentoError(404, exception.Message));
            return;
        }

        await MagentoJson.Write(context, 200, json => MagentoSalesJson.WriteOrder(json, order));
    }

    private static bool OrderList(JsonElement root, out List<(string Number, List<(string Sku, int Quantity)> Lines)> orders)
    {
        orders = [];
        if (!root.TryGetProperty("orders", out var array))
        {
            return true;
        }

        try
        {
            foreach (var order in array.EnumerateArray())
            {
                var lines = order.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("sku").GetString() ?? "", i.GetProperty("qty").GetInt32())).ToList();
                var number = order.GetProperty("increment_id").GetString() ?? "";
                if (number.Length == 0 || lines.Count == 0 || lines.Any(l => l.Item1.Length == 0 || l.Item2 <= 0))
                {
                    return false;
                }

                orders.Add((number, lines));
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return false;
        }

        return true;
    }

    private static bool StringList(JsonElement root, string name, out List<string> values)
    {
        values = [];
        if (!root.TryGetProperty(name, out var array))
        {
            return true;
        }

        if (array.ValueKind != JsonValueKind.Array || array.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(s.GetString())))
        {
            return false;
        }

        values = array.EnumerateArray().Select(s => s.GetString()!).ToList();
        return true;
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

    private static Task BadRequest(HttpContext context, string message) => MagentoJson.WriteError(context, new MagentoError(400, message));
}
