using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpBridge.Sandboxes.BigCommerce;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.ShipStation;

/// <summary>
/// The emulated ShipStation v1 API (ssapi.shipstation.com): Basic auth of the API key and secret, 40 requests a minute
/// with X-Rate-Limit-Limit/Remaining/Reset on every answer and 429 beyond, then <c>POST orders/createorder</c> (create,
/// or update by orderKey), <c>GET orders/{id}</c> and <c>GET shipments</c> (paged, <c>{shipments, total, page, pages}</c>).
/// Errors are <c>{"message"}</c> bodies; an injected server error is ASP.NET's <c>{"Message"}</c>.
/// </summary>
internal sealed class ShipStationApi(ShipStationSandboxOptions options, ShipStationAccount account, FixedWindowRateLimit rateLimit, SandboxFaults faults, RequestLog requests)
{
    private const int MaxPageSize = 500;
    private const int DefaultPageSize = 100;

    private static readonly string[] OrderStatuses =
        ["awaiting_payment", "awaiting_shipment", "pending_fulfillment", "shipped", "on_hold", "cancelled", "rejected_fulfillment"];

    private readonly byte[] expected = Encoding.UTF8.GetBytes("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ApiKey}:{options.ApiSecret}")));

    public async Task HandleAsync(HttpContext context, string path)
    {
        if (!Authorized(context.Request))
        {
            RateHeaders(context.Response, rateLimit.Peek());
            await Message(context, 401, "Unauthorized: the API key and secret were not accepted");
            return;
        }

        var limit = rateLimit.Take();
        RateHeaders(context.Response, limit);
        if (!limit.Allowed)
        {
            await Message(context, 429, "Too Many Requests: 40 requests per minute per API key");
            return;
        }

        if (faults.Delay is { } delay && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, options.TimeProvider, context.RequestAborted);
        }

        var method = context.Request.Method;
        var isWrite = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        string? body = null;
        if (isWrite)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        if (faults.TakeFailure() is { } failure)
        {
            await Json(context, failure, new JsonObject { ["Message"] = "An error has occurred. (injected)" });
        }
        else
        {
            await Route(context, method, path, body);
        }

        requests.Add(new SandboxRequest(options.TimeProvider.GetUtcNow(), method, path, context.Request.QueryString.Value ?? "", body, context.Response.StatusCode));
    }

    public static Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    public static Task Message(HttpContext context, int status, string message) =>
        Json(context, status, new JsonObject { ["message"] = message });

    private Task Route(HttpContext context, string method, string path, string? body)
    {
        if (HttpMethods.IsPost(method) && path == "orders/createorder")
        {
            return CreateOrder(context, body);
        }

        if (HttpMethods.IsGet(method) && path.StartsWith("orders/", StringComparison.Ordinal)
            && long.TryParse(path["orders/".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var orderId))
        {
            return account.Order(orderId) is { } order ? Json(context, 200, order) : Message(context, 404, $"Order {orderId} not found");
        }

        if (HttpMethods.IsGet(method) && path == "shipments")
        {
            return ListShipments(context);
        }

        return Message(context, 404, $"No HTTP resource was found that matches the request URI '{method} /{path}'.");
    }

    private Task CreateOrder(HttpContext context, string? body)
    {
        JsonObject? order;
        try
        {
            order = JsonNode.Parse(body ?? "") as JsonObject;
        }
        catch (JsonException ex)
        {
            return Message(context, 400, $"The request is invalid: {ex.Message}");
        }

        if (order is null)
        {
            return Message(context, 400, "The request is invalid: the body must be an order object.");
        }

        if (Invalid(order) is { } problem)
        {
            return Message(context, 400, $"The request is invalid: {problem}");
        }

        var (stored, _) = account.Upsert(order);
        return Json(context, 200, stored);
    }

    /// <summary>The first reason the order is refused: a required field missing (orderNumber, orderDate, orderStatus, billTo, shipTo), an unknown status, a bad line.</summary>
    private static string? Invalid(JsonObject order)
    {
        foreach (var field in new[] { "orderNumber", "orderDate", "orderStatus" })
        {
            if (order[field] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace((string?)value))
            {
                return $"{field} is required.";
            }
        }

        if (!DateTimeOffset.TryParse((string)order["orderDate"]!, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return $"orderDate '{order["orderDate"]}' is not a date.";
        }

        if (!OrderStatuses.Contains((string)order["orderStatus"]!))
        {
            return $"orderStatus '{order["orderStatus"]}' is not one of {string.Join(", ", OrderStatuses)}.";
        }

        foreach (var address in new[] { "billTo", "shipTo" })
        {
            if (order[address] is not JsonObject)
            {
                return $"{address} is required.";
            }
        }

        if (order["orderKey"] is { } key && (key is not JsonValue keyValue || keyValue.GetValueKind() != JsonValueKind.String))
        {
            return "orderKey must be a string.";
        }

        foreach (var item in (order["items"] as JsonArray ?? []).Select((node, index) => (node, index)))
        {
            if (item.node is not JsonObject line || line["quantity"] is not JsonValue quantity || !quantity.TryGetValue<int>(out var q) || q < 0)
            {
                return $"items[{item.index}].quantity must be a whole number of at least 0.";
            }
        }

        return null;
    }

    private Task ListShipments(HttpContext context)
    {
        var query = context.Request.Query;
        var page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var pageSize = int.TryParse(query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : DefaultPageSize;
        if (pageSize > MaxPageSize)
        {
            return Message(context, 400, $"pageSize must be at most {MaxPageSize}.");
        }

        DateTimeOffset? since = null;
        if (query["createDateStart"].ToString() is { Length: > 0 } text)
        {
            since = ShipStationTime.Read(text);
            if (since is null)
            {
                return Message(context, 400, $"createDateStart '{text}' is not a date.");
            }
        }

        var withItems = string.Equals(query["includeShipmentItems"], "true", StringComparison.OrdinalIgnoreCase);
        var orderNumber = query["orderNumber"].ToString() is { Length: > 0 } number ? number : null;
        var (shipments, total) = account.Shipments(since, orderNumber, page, pageSize);
        var array = new JsonArray();
        foreach (var shipment in shipments)
        {
            array.Add(ShipmentJson(shipment, withItems));
        }

        return Json(context, 200, new JsonObject
        {
            ["shipments"] = array,
            ["total"] = total,
            ["page"] = page,
            ["pages"] = (total + pageSize - 1) / pageSize,
        });
    }

    private static JsonObject ShipmentJson(ShipStationShipment shipment, bool withItems)
    {
        JsonNode? items = null;
        if (withItems)
        {
            var array = new JsonArray();
            foreach (var item in shipment.Items)
            {
                array.Add(new JsonObject { ["lineItemKey"] = item.LineItemKey, ["sku"] = item.Sku, ["name"] = item.Name, ["quantity"] = item.Quantity });
            }

            items = array;
        }

        return new JsonObject
        {
            ["shipmentId"] = shipment.ShipmentId,
            ["orderId"] = shipment.OrderId,
            ["orderKey"] = shipment.OrderKey,
            ["orderNumber"] = shipment.OrderNumber,
            ["createDate"] = ShipStationTime.Write(shipment.CreatedAt),
            ["shipDate"] = ShipStationTime.Write(shipment.CreatedAt)[..10],
            ["trackingNumber"] = shipment.TrackingNumber,
            ["carrierCode"] = shipment.CarrierCode,
            ["serviceCode"] = shipment.ServiceCode,
            ["voided"] = shipment.Voided,
            ["shipmentItems"] = items,
        };
    }

    private bool Authorized(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { Length: > 0 } presented
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);

    private static void RateHeaders(HttpResponse response, RateLimitState state)
    {
        response.Headers["X-Rate-Limit-Limit"] = state.Quota.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Rate-Limit-Remaining"] = state.Left.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Rate-Limit-Reset"] = ((state.ResetMs + 999) / 1000).ToString(CultureInfo.InvariantCulture);
    }
}
