using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpBridge.Sandboxes.BigCommerce;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>
/// The emulated API under <c>/v1.1/{method}.json</c>: keys, concurrency and injected faults are checked in that order,
/// then the method runs (or its idempotency_key replays an earlier answer). Every answer is HTTP 200 with the envelope
/// <c>{return_code, return_message, pagination, result}</c>, as API2Cart answers (its contract documents only 200);
/// only injected faults answer other HTTP statuses.
/// </summary>
internal sealed class Api2CartApi(Api2CartSandboxOptions options, Api2CartStore store, Api2CartIdempotency idempotency, SandboxFaults faults, RequestLog requests)
{
    /// <summary>"Max allowed count=250" on every list.</summary>
    public const int MaxCount = 250;

    /// <summary>An injected failure at or above this number is a return code (the number less this), below it an HTTP status.</summary>
    public const int InjectedReturnCode = 1000;

    private int inFlight;

    public async Task HandleAsync(HttpContext context, string method)
    {
        var body = HttpMethods.IsGet(context.Request.Method) ? null : await ReadBody(context);
        var entered = Interlocked.Increment(ref inFlight);
        try
        {
            await Answer(context, method, body, entered);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }

        requests.Add(new SandboxRequest(
            options.TimeProvider.GetUtcNow(), context.Request.Method, method, context.Request.QueryString.Value ?? "",
            body is null ? null : Encoding.UTF8.GetString(body), context.Response.StatusCode));
    }

    /// <summary>Checks the keys, the concurrency and the injected faults, then runs the method or replays its idempotency_key.</summary>
    private async Task Answer(HttpContext context, string method, byte[]? body, int entered)
    {
        var headers = context.Request.Headers;
        if (headers["x-api-key"].ToString() != options.ApiKey)
        {
            await Write(context, Api2CartAnswer.Error(2, "Incorrect API Key"));
            return;
        }

        if (headers["x-store-key"].ToString() != options.StoreKey)
        {
            await Write(context, Api2CartAnswer.Error(4, "Store access denied"));
            return;
        }

        if (entered > options.MaxConcurrentRequests)
        {
            await Write(context, Api2CartAnswer.Error(7, $"Store request limit exceeded: at most {options.MaxConcurrentRequests} simultaneous requests to one store"));
            return;
        }

        var delay = faults.Delay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, options.TimeProvider, context.RequestAborted);
        }

        if (faults.TakeFailure() is { } failure)
        {
            // An injected return code in a 200 envelope, or an HTTP failure as a proxy in front of API2Cart would answer.
            if (failure >= InjectedReturnCode)
            {
                await Write(context, Api2CartAnswer.Error(failure - InjectedReturnCode, "Injected return code"));
            }
            else
            {
                context.Response.StatusCode = failure;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync($"<html><body>{failure} (injected)</body></html>", context.RequestAborted);
            }

            return;
        }

        JsonObject? fields = null;
        if (body is not null)
        {
            try
            {
                fields = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
            }

            if (fields is null)
            {
                await Write(context, Api2CartAnswer.Error(109, "The request body is not a JSON object"));
                return;
            }
        }

        var key = fields?["idempotency_key"] is JsonValue keyValue && keyValue.TryGetValue<string>(out var text) ? text : null;
        if (key is not null && idempotency.Find(method, key) is { } kept)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(kept, context.RequestAborted);
            return;
        }

        Api2CartAnswer answer;
        try
        {
            answer = Route(context.Request.Method, method, context.Request.Query, fields);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            answer = Api2CartAnswer.Error(109, $"Incorrect parameters: {exception.Message}");
        }

        var bytes = Envelope(answer);
        if (key is not null && answer.ReturnCode == 0)
        {
            idempotency.Keep(method, key, bytes);
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private Api2CartAnswer Route(string verb, string method, IQueryCollection query, JsonObject? fields) => (verb, method) switch
    {
        ("GET", "product.list.json") => Paged(query, (start, count) => store.ListProducts(start, count, Optional(query, "sku"))),
        ("PUT", "product.update.json") => store.UpdateProduct(fields!),
        ("POST", "product.add.json") => store.AddProduct(fields!),
        ("GET", "order.list.json") => ListOrders(query),
        ("GET", "order.info.json") => store.OrderInfo(Optional(query, "order_id"), Optional(query, "id")),
        ("GET", "order.shipment.list.json") => Optional(query, "order_id") is { } orderId
            ? Paged(query, (start, count) => store.ListShipments(orderId, start, count))
            : Api2CartAnswer.Error(114, "Required parameter 'order_id' is not specified"),
        ("POST", "order.shipment.add.json") => store.AddShipment(fields!),
        _ => Api2CartAnswer.Error(3, $"Method {verb} {method} is not specified (not served by the sandbox)"),
    };

    private Api2CartAnswer ListOrders(IQueryCollection query)
    {
        if (Optional(query, "page_cursor") is not null && Optional(query, "modified_from") is not null)
        {
            return Api2CartAnswer.Error(109, "page_cursor can't be used with any other filtering parameter");
        }

        DateTimeOffset? from = null;
        if (Optional(query, "modified_from") is { } text)
        {
            if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return Api2CartAnswer.Error(109, $"Incorrect parameter modified_from '{text}' (expected Y-m-d H:i:s)");
            }

            from = parsed;
        }

        var sortBy = Optional(query, "sort_by") ?? "order_id";
        var descending = Optional(query, "sort_direction") == "desc";
        return Paged(query, (start, count) => store.ListOrders(from, sortBy, descending, start, count));
    }

    /// <summary>start (default 0) and count (default 10, at most 250: more is return code 111) handed to <paramref name="list"/>.</summary>
    private static Api2CartAnswer Paged(IQueryCollection query, Func<int, int, Api2CartAnswer> list)
    {
        var start = int.TryParse(Optional(query, "start"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var count = int.TryParse(Optional(query, "count"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 10;
        return count > MaxCount
            ? Api2CartAnswer.Error(111, $"Too many items requested: count {count} is above {MaxCount}")
            : list(start, Math.Max(count, 1));
    }

    private static string? Optional(IQueryCollection query, string name) => query.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;

    private static byte[] Envelope(Api2CartAnswer answer)
    {
        var envelope = new JsonObject
        {
            ["return_code"] = answer.ReturnCode,
            ["return_message"] = answer.ReturnMessage,
        };
        if (answer.Paged)
        {
            envelope["pagination"] = new JsonObject { ["previous"] = null, ["next"] = answer.Next };
        }

        if (answer.ReturnCode == 0)
        {
            envelope["result"] = answer.Result;
        }

        return JsonSerializer.SerializeToUtf8Bytes(envelope);
    }

    private static async Task Write(HttpContext context, Api2CartAnswer answer)
    {
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Envelope(answer), context.RequestAborted);
    }

    private static async Task<byte[]> ReadBody(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }
}
