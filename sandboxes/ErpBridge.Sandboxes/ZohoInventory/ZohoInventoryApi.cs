using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpBridge.Sandboxes.BigCommerce;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.ZohoInventory;

/// <summary>
/// The emulated accounts server (<c>POST /oauth/v2/token</c>, refresh-token grant) and Inventory API v1 under
/// <c>/inventory/v1/</c>: access token, organization_id, rate limits and injected faults are checked in that order,
/// then items, locations and inventory adjustments are served with Zoho's <c>{code, message, ...}</c> envelope.
/// </summary>
/// <remarks>
/// Error codes the sandbox answers with: 57 (401, not authorised: missing, unknown or expired token), 5 (404, invalid
/// URL), 4 (400, invalid value), 1001 (400, SKU exists), 1002 (404 or 400, item does not exist), 6041 (400, wrong
/// organisation), 45 (429, rate limit of the minute or the day). 57, 5 and 4 are Zoho's documented codes; the others'
/// numbers (and the HTTP status of each) are not in the published contract and are the sandbox's choice.
/// </remarks>
internal sealed class ZohoInventoryApi(ZohoInventorySandboxOptions options, ZohoInventoryStore store, SandboxFaults faults, ZohoSandboxRequestLog requests)
{
    private const string ApiPrefix = "inventory/v1/";
    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> lastMinute = new();
    private DateOnly day;
    private int usedToday;
    private int loseNext;
    private (int Count, int Code, string Message) codeFaults;

    public bool RateLimitEnabled { get; set; } = options.RateLimitEnabled;

    public int TokensIssued { get; private set; }

    public int UsedToday
    {
        get
        {
            lock (gate)
            {
                return usedToday;
            }
        }
    }

    /// <summary>Every access token issued so far stops working, as when Zoho revokes them before their hour is up.</summary>
    public void RevokeTokens() => tokens.Clear();

    /// <summary>The next <paramref name="count"/> API writes (POST, PUT) are carried out, but the connection is cut before the answer.</summary>
    public void LoseNextAnswers(int count) => Interlocked.Exchange(ref loseNext, count);

    /// <summary>The next <paramref name="count"/> API requests answer 200 with this code (not 0) and message, changing nothing.</summary>
    public void FailNextWithCode(int count, int code, string message)
    {
        lock (gate)
        {
            codeFaults = (count, code, message);
        }
    }

    public async Task HandleAsync(HttpContext context, string path)
    {
        if (path == "oauth/v2/token")
        {
            await TokenAsync(context, path);
            return;
        }

        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            await Answer(context, path, null, 404, Error(5, "Invalid URL Passed"));
            return;
        }

        var rest = path[ApiPrefix.Length..];
        string? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Method is "POST" or "PUT")
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var auth = context.Request.Headers.Authorization.ToString();
        const string scheme = "Zoho-oauthtoken ";
        if (!auth.StartsWith(scheme, StringComparison.Ordinal) || !tokens.TryGetValue(auth[scheme.Length..], out var expires)
            || expires <= options.TimeProvider.GetUtcNow())
        {
            await Answer(context, rest, body, 401, Error(57, "You are not authorized to perform this operation"));
            return;
        }

        if (context.Request.Query["organization_id"].ToString() != options.OrganizationId)
        {
            await Answer(context, rest, body, 400, Error(6041, "This user is not associated with the organization_id given."));
            return;
        }

        if (Limited() is { } limited)
        {
            await Answer(context, rest, body, 429, Error(45, limited));
            return;
        }

        if (faults.Delay > TimeSpan.Zero)
        {
            await Task.Delay(faults.Delay, options.TimeProvider, context.RequestAborted);
        }

        if (faults.TakeFailure() is { } status)
        {
            await Answer(context, rest, body, status, Error(status >= 500 ? 1 : 4, "Injected failure (sandbox fault)"));
            return;
        }

        if (TakeCodeFault() is { } coded)
        {
            await Answer(context, rest, body, 200, Error(coded.Code, coded.Message));
            return;
        }

        var (answerStatus, answer) = Route(context.Request.Method, rest, context.Request.Query, body);
        if (context.Request.Method is "POST" or "PUT" && Volatile.Read(ref loseNext) > 0 && Interlocked.Decrement(ref loseNext) >= 0)
        {
            // Carried out, but the answer never reaches the caller: what a retry after a lost response must survive.
            requests.Add(new ZohoSandboxRequest(options.TimeProvider.GetUtcNow(), context.Request.Method, rest, context.Request.QueryString.Value ?? "", body, answerStatus, answer.ToJsonString()));
            context.Abort();
            return;
        }

        await Answer(context, rest, body, answerStatus, answer);
    }

    private (int Status, JsonObject Answer) Route(string method, string rest, IQueryCollection query, string? body)
    {
        JsonObject? Body() => body is { Length: > 0 } && JsonNode.Parse(body) is JsonObject parsed ? parsed : null;
        try
        {
            switch (method, rest)
            {
                case ("GET", "items"):
                    return (200, ListItems(query));
                case ("POST", "items"):
                    return Result(Body() is { } created ? store.Create(created) : (null, 4, "Invalid value passed for JSONString"), "The item has been added.", 200);
                case ("GET", _) when rest.StartsWith("items/", StringComparison.Ordinal):
                    return store.ById(rest["items/".Length..]) is { } found
                        ? (200, Success("success", "item", ItemJson(found)))
                        : (404, Error(1002, "Item does not exist."));
                case ("PUT", _) when rest.StartsWith("items/", StringComparison.Ordinal):
                    var updated = Body() is { } update ? store.Update(rest["items/".Length..], update) : (null, 4, "Invalid value passed for JSONString");
                    return updated.Code == 1002 ? (404, Error(1002, updated.Error!)) : Result(updated, "Item details have been saved.", 200);
                case ("GET", "locations"):
                    return (200, Success("success", "locations", new JsonArray(store.Locations.Select((l, i) => (JsonNode)new JsonObject
                    {
                        ["location_id"] = l.Id,
                        ["location_name"] = l.Name,
                        ["type"] = "general",
                        ["is_primary"] = i == 0,
                        ["status"] = "active",
                    }).ToArray())));
                case ("GET", "inventoryadjustments"):
                    return (200, ListAdjustments(query));
                case ("POST", "inventoryadjustments"):
                    var (adjustment, code, error) = Body() is { } adjust ? store.Adjust(adjust) : (null, 4, "Invalid value passed for JSONString");
                    return adjustment is null
                        ? (400, Error(code, error!))
                        : (200, Success("Inventory Adjustment has been added", "inventory_adjustment", AdjustmentJson(adjustment)));
                default:
                    return (404, Error(5, "Invalid URL Passed"));
            }
        }
        catch (JsonException)
        {
            return (400, Error(4, "Invalid value passed for JSONString"));
        }
    }

    private (int, JsonObject) Result((ZohoSandboxItem? Item, int Code, string? Error) result, string message, int status) =>
        result.Item is null ? (400, Error(result.Code, result.Error!)) : (status, Success(message, "item", ItemJson(result.Item)));

    private JsonObject ListItems(IQueryCollection query)
    {
        var (page, perPage) = Paging(query);
        var sku = query["sku"].ToString();
        var all = store.Items().Where(i => sku.Length == 0 || i.Sku == sku).ToList();
        var slice = all.Skip((page - 1) * perPage).Take(perPage).Select(i => (JsonNode)ItemJson(i)).ToArray();
        var answer = Success("success", "items", new JsonArray(slice));
        answer["page_context"] = PageContext(page, perPage, all.Count);
        return answer;
    }

    private JsonObject ListAdjustments(IQueryCollection query)
    {
        var (page, perPage) = Paging(query);
        var all = store.Adjustments();
        var slice = all.Skip((page - 1) * perPage).Take(perPage).Select(a => (JsonNode)new JsonObject
        {
            ["inventory_adjustment_id"] = a.AdjustmentId,
            ["date"] = a.Date,
            ["reason"] = a.Reason,
            ["description"] = a.Description,
            ["reference_number"] = a.ReferenceNumber,
            ["adjustment_type"] = "quantity",
            ["total"] = 0,
        }).ToArray();
        var answer = Success("success", "inventory_adjustments", new JsonArray(slice));
        answer["page_context"] = PageContext(page, perPage, all.Count);
        return answer;
    }

    private static (int Page, int PerPage) Paging(IQueryCollection query)
    {
        var page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var perPage = int.TryParse(query["per_page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? Math.Min(n, 200) : 200;
        return (page, perPage);
    }

    private static JsonObject PageContext(int page, int perPage, int total) => new()
    {
        ["page"] = page,
        ["per_page"] = perPage,
        ["has_more_page"] = page * perPage < total,
    };

    private JsonObject ItemJson(ZohoSandboxItem item)
    {
        var json = new JsonObject
        {
            ["item_id"] = item.ItemId,
            ["name"] = item.Name,
            ["sku"] = item.Sku,
            ["status"] = item.Status,
            ["product_type"] = "goods",
            ["item_type"] = "inventory",
            ["description"] = item.Description ?? "",
            ["stock_on_hand"] = item.Stock.Values.Sum(),
            ["available_stock"] = item.Stock.Values.Sum(),
            ["locations"] = new JsonArray(store.Locations.Select((l, i) => (JsonNode)new JsonObject
            {
                ["location_id"] = l.Id,
                ["location_name"] = l.Name,
                ["status"] = "active",
                ["is_primary"] = i == 0,
                ["location_stock_on_hand"] = item.StockAt(l.Id).ToString(CultureInfo.InvariantCulture),
                ["location_available_stock"] = item.StockAt(l.Id).ToString(CultureInfo.InvariantCulture),
            }).ToArray()),
        };
        if (item.Rate is { } rate)
        {
            json["rate"] = rate;
        }

        if (item.Ean is { } ean)
        {
            json["ean"] = ean;
        }

        return json;
    }

    private static JsonObject AdjustmentJson(ZohoSandboxAdjustment adjustment) => new()
    {
        ["inventory_adjustment_id"] = adjustment.AdjustmentId,
        ["date"] = adjustment.Date,
        ["reason"] = adjustment.Reason,
        ["description"] = adjustment.Description,
        ["reference_number"] = adjustment.ReferenceNumber,
        ["adjustment_type"] = "quantity",
        ["line_items"] = new JsonArray(adjustment.Lines.Select(l => (JsonNode)new JsonObject
        {
            ["item_id"] = l.ItemId,
            ["location_id"] = l.LocationId,
            ["quantity_adjusted"] = l.Quantity,
        }).ToArray()),
    };

    private async Task TokenAsync(HttpContext context, string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.Query)
        {
            values[key] = value.ToString();
        }

        if (context.Request.HasFormContentType)
        {
            foreach (var (key, value) in await context.Request.ReadFormAsync(context.RequestAborted))
            {
                values[key] = value.ToString();
            }
        }

        if (context.Request.Method != "POST"
            || values.GetValueOrDefault("grant_type") != "refresh_token"
            || values.GetValueOrDefault("client_id") != options.ClientId
            || values.GetValueOrDefault("client_secret") != options.ClientSecret
            || values.GetValueOrDefault("refresh_token") != options.RefreshToken)
        {
            // Zoho's accounts server answers a refused grant with 200 and an error field.
            await Answer(context, path, null, 200, new JsonObject { ["error"] = "invalid_code" });
            return;
        }

        var token = "1000." + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        tokens[token] = options.TimeProvider.GetUtcNow() + options.TokenLifetime;
        lock (gate)
        {
            TokensIssued++;
        }

        await Answer(context, path, null, 200, new JsonObject
        {
            ["access_token"] = token,
            ["api_domain"] = "https://www.zohoapis.com",
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)options.TokenLifetime.TotalSeconds,
        });
    }

    private string? Limited()
    {
        var now = options.TimeProvider.GetUtcNow();
        lock (gate)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (today != day)
            {
                (day, usedToday) = (today, 0);
            }

            while (lastMinute.Count > 0 && lastMinute.Peek() <= now.AddMinutes(-1))
            {
                lastMinute.Dequeue();
            }

            if (RateLimitEnabled && usedToday >= options.DailyLimit)
            {
                return "You have reached the maximum number of API calls allowed for the day.";
            }

            if (RateLimitEnabled && lastMinute.Count >= options.RequestsPerMinute)
            {
                return "You have made too many requests continuously. Please try again after some time.";
            }

            usedToday++;
            lastMinute.Enqueue(now);
            return null;
        }
    }

    private (int Code, string Message)? TakeCodeFault()
    {
        lock (gate)
        {
            if (codeFaults.Count <= 0)
            {
                return null;
            }

            codeFaults = codeFaults with { Count = codeFaults.Count - 1 };
            return (codeFaults.Code, codeFaults.Message);
        }
    }

    private static JsonObject Error(int code, string message) => new() { ["code"] = code, ["message"] = message };

    private static JsonObject Success(string message, string name, JsonNode value) => new() { ["code"] = 0, ["message"] = message, [name] = value };

    private async Task Answer(HttpContext context, string path, string? body, int status, JsonObject answer)
    {
        var text = answer.ToJsonString();
        requests.Add(new ZohoSandboxRequest(options.TimeProvider.GetUtcNow(), context.Request.Method, path, context.Request.QueryString.Value ?? "", body, status, text));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }
}
