using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// The wc/v3 order routes: the list with WordPress's date filters (exclusive bounds, as WP_Date_Query compares),
/// sort, pagination headers and parameter errors; read and update (status, meta_data, customer_note); notes; and the
/// core fulfillments routes of WC 10.1+, which answer <c>rest_no_route</c> unless
/// <see cref="WooCommerceSandboxOptions.FulfillmentsEnabled"/> is set, as on a store without the feature.
/// </summary>
internal sealed class WooOrdersApi(WooCommerceSandboxOptions options, WooOrderBook book)
{
    private static readonly string[] OrderBy = ["date", "modified", "id", "include", "title", "slug"];

    public Task Route(HttpContext context, string[] parts, string body)
    {
        var method = context.Request.Method;
        var id = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return (parts.Length, method) switch
        {
            (1, "GET") => List(context),
            (2, "GET") when id is { } orderId => Read(context, orderId),
            (2, "PUT" or "POST" or "PATCH") when id is { } orderId => WooCommerceApi.WithBody(context, body, json => Update(context, orderId, json)),
            (3, "GET") when id is { } orderId && parts[2] == "notes" => Notes(context, orderId),
            (3, "POST") when id is { } orderId && parts[2] == "notes" => WooCommerceApi.WithBody(context, body, json => AddNote(context, orderId, json)),
            (3, "GET") when id is { } orderId && parts[2] == "fulfillments" && options.FulfillmentsEnabled => Fulfillments(context, orderId),
            (3, "POST") when id is { } orderId && parts[2] == "fulfillments" && options.FulfillmentsEnabled =>
                WooCommerceApi.WithBody(context, body, json => AddFulfillment(context, orderId, json)),
            _ => WooCommerceApi.Error(context, WooError.NoRoute()),
        };
    }

    private Task List(HttpContext context)
    {
        var query = context.Request.Query;
        var (page, perPage, offset) = (1, 10, 0);
        if (query.ContainsKey("page") && (!int.TryParse(query["page"], out page) || page < 1))
        {
            return WooCommerceApi.Error(context, WooError.InvalidParam("page", "page must be greater than or equal to 1"));
        }

        if (query.ContainsKey("per_page") && (!int.TryParse(query["per_page"], out perPage) || perPage is < 1 or > 100))
        {
            return WooCommerceApi.Error(context, WooError.InvalidParam("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)"));
        }

        if (query.ContainsKey("offset") && (!int.TryParse(query["offset"], out offset) || offset < 0))
        {
            return WooCommerceApi.Error(context, WooError.InvalidParam("offset", "offset is not of type integer."));
        }

        var order = query.ContainsKey("order") ? query["order"].ToString() : "desc";
        if (order is not ("asc" or "desc"))
        {
            return WooCommerceApi.Error(context, WooError.InvalidParam("order", "order is not one of asc and desc."));
        }

        var orderBy = query.ContainsKey("orderby") ? query["orderby"].ToString() : "date";
        if (!OrderBy.Contains(orderBy))
        {
            return WooCommerceApi.Error(context, WooError.InvalidParam("orderby", $"orderby is not one of {string.Join(", ", OrderBy)}."));
        }

        var statuses = query["status"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var badStatus = Array.FindIndex(statuses, s => s != "any" && !WooOrderStatuses.IsKnown(s));
        if (badStatus >= 0)
        {
            return WooCommerceApi.Error(context, WooError.InvalidParam("status", $"status[{badStatus}] is not one of any, {string.Join(", ", WooOrderStatuses.All)}, trash."));
        }

        var bounds = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var name in new[] { "after", "before", "modified_after", "modified_before" })
        {
            if (!query.ContainsKey(name))
            {
                continue;
            }

            if (!DateTimeOffset.TryParse(query[name], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var bound))
            {
                return WooCommerceApi.Error(context, WooError.InvalidParam(name, "Invalid date."));
            }

            bounds[name] = bound;
        }

        if (query.ContainsKey("dates_are_gmt") && query["dates_are_gmt"].ToString() is not ("true" or "false" or "1" or "0"))
        {
            return WooCommerceApi.Error(context, WooError.InvalidParam("dates_are_gmt", "dates_are_gmt is not of type boolean."));
        }

        var include = new HashSet<int>();
        foreach (var text in query["include"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return WooCommerceApi.Error(context, WooError.InvalidParam("include", "include[0] is not of type integer."));
            }

            include.Add(value);
        }

        var search = query["search"].ToString();
        IEnumerable<WooOrder> matches = book.All()
            .Where(o => statuses.Length == 0 || statuses.Contains("any") ? o.Status != "checkout-draft" : statuses.Contains(o.Status))
            .Where(o => include.Count == 0 || include.Contains(o.Id))
            .Where(o => !bounds.TryGetValue("after", out var b) || o.CreatedAt > b)
            .Where(o => !bounds.TryGetValue("before", out var b) || o.CreatedAt < b)
            .Where(o => !bounds.TryGetValue("modified_after", out var b) || o.ModifiedAt > b)
            .Where(o => !bounds.TryGetValue("modified_before", out var b) || o.ModifiedAt < b)
            .Where(o => search.Length == 0 || Matches(o, search));
        matches = orderBy switch
        {
            "modified" => matches.OrderBy(o => o.ModifiedAt).ThenBy(o => o.Id),
            "id" or "include" or "title" or "slug" => matches.OrderBy(o => o.Id),
            _ => matches.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id),
        };
        var all = matches.ToList();
        if (order == "desc")
        {
            all.Reverse();
        }

        var totalPages = (all.Count + perPage - 1) / perPage;
        context.Response.Headers["X-WP-Total"] = WooJson.Number(all.Count);
        context.Response.Headers["X-WP-TotalPages"] = WooJson.Number(totalPages);
        var links = new List<string>();
        if (page > 1 && totalPages > 0)
        {
            links.Add($"<{PageUrl(context, Math.Min(page - 1, totalPages))}>; rel=\"prev\"");
        }

        if (page < totalPages)
        {
            links.Add($"<{PageUrl(context, page + 1)}>; rel=\"next\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        var slice = all.Skip(offset > 0 ? offset : (page - 1) * perPage).Take(perPage).ToList();
        return WooCommerceApi.Json(context, 200, json =>
        {
            json.WriteStartArray();
            foreach (var item in slice)
            {
                WooOrderJson.WriteOrder(json, item);
            }

            json.WriteEndArray();
        });
    }

    private Task Read(HttpContext context, int id) =>
        book.Get(id) is { } order
            ? WooCommerceApi.Json(context, 200, json => WooOrderJson.WriteOrder(json, order))
            : WooCommerceApi.Error(context, WooOrderErrors.InvalidOrderId);

    private Task Update(HttpContext context, int id, JsonObject body)
    {
        if (book.Get(id) is null)
        {
            return WooCommerceApi.Error(context, WooOrderErrors.InvalidOrderId with { Status = 400 });
        }

        string? status = null;
        string? note = null;
        List<(int? Id, string Key, JsonNode? Value)>? meta = null;
        foreach (var (field, value) in body)
        {
            WooError? error = field switch
            {
                "status" => Text(field, value, out status) ?? (status is not null && !WooOrderStatuses.IsKnown(status)
                    ? WooError.InvalidParam(field, $"status is not one of {string.Join(", ", WooOrderStatuses.All)}.") : null),
                "customer_note" => Text(field, value, out note),
                "meta_data" => ReadMeta(value, out meta),
                _ => null,
            };
            if (error is not null)
            {
                return WooCommerceApi.Error(context, error);
            }
        }

        var updated = book.Update(id, current => current with
        {
            Status = status ?? current.Status,
            CustomerNote = note ?? current.CustomerNote,
            Meta = meta is null ? current.Meta : book.MergeMeta(current.Meta, meta),
        });
        return updated is null
            ? WooCommerceApi.Error(context, WooOrderErrors.InvalidOrderId with { Status = 400 })
            : WooCommerceApi.Json(context, 200, json => WooOrderJson.WriteOrder(json, updated));
    }

    private Task Notes(HttpContext context, int id) =>
        book.Get(id) is { } order
            ? WooCommerceApi.Json(context, 200, json =>
            {
                json.WriteStartArray();
                foreach (var note in order.Notes.OrderByDescending(n => n.Id))
                {
                    WooOrderJson.WriteNote(json, note);
                }

                json.WriteEndArray();
            })
            : WooCommerceApi.Error(context, WooOrderErrors.InvalidOrderId);

    private Task AddNote(HttpContext context, int id, JsonObject body)
    {
        if (body["note"] is not JsonValue note || note.GetValueKind() != JsonValueKind.String || note.GetValue<string>().Trim().Length == 0)
        {
            return WooCommerceApi.Error(context, new WooError(400, "rest_missing_callback_param", "Missing parameter(s): note",
                new Dictionary<string, string> { ["note"] = "note is required." }));
        }

        var customer = body["customer_note"] is JsonValue c && c.GetValueKind() == JsonValueKind.True;
        return book.AddNote(id, note.GetValue<string>(), customer, author: "WooCommerce") is { } added
            ? WooCommerceApi.Json(context, 201, json => WooOrderJson.WriteNote(json, added))
            : WooCommerceApi.Error(context, new WooError(404, "woocommerce_rest_order_invalid_id", "Invalid order ID."));
    }

    private Task Fulfillments(HttpContext context, int id) =>
        book.Get(id) is { } order
            ? WooCommerceApi.Json(context, 200, json =>
            {
                json.WriteStartArray();
                foreach (var fulfillment in order.Fulfillments)
                {
                    WooOrderJson.WriteFulfillment(json, fulfillment);
                }

                json.WriteEndArray();
            })
            : WooCommerceApi.Error(context, WooOrderErrors.InvalidOrderId);

    private Task AddFulfillment(HttpContext context, int id, JsonObject body)
    {
        var status = body["status"] is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : "unfulfilled";
        var fulfilled = body["is_fulfilled"] is JsonValue f && f.GetValueKind() == JsonValueKind.True;
        if (ReadMeta(body["meta_data"], out var meta) is { } error)
        {
            return WooCommerceApi.Error(context, error);
        }

        var (created, refused) = book.AddFulfillment(id, status, fulfilled, meta ?? []);
        return refused is not null
            ? WooCommerceApi.Error(context, refused)
            : WooCommerceApi.Json(context, 201, json => WooOrderJson.WriteFulfillment(json, created!));
    }

    private static WooError? ReadMeta(JsonNode? value, out List<(int? Id, string Key, JsonNode? Value)>? meta)
    {
        meta = [];
        if (value is not JsonArray array)
        {
            return WooError.InvalidParam("meta_data", "meta_data is not of type array.");
        }

        foreach (var item in array)
        {
            if (item is not JsonObject entry || entry["key"] is not JsonValue key || key.GetValueKind() != JsonValueKind.String)
            {
                return WooError.InvalidParam("meta_data", "meta_data[0][key] is not of type string.");
            }

            int? id = entry["id"] is JsonValue idValue && idValue.TryGetValue<int>(out var number) ? number : null;
            meta.Add((id, key.GetValue<string>(), entry["value"]?.DeepClone()));
        }

        return null;
    }

    private static WooError? Text(string field, JsonNode? value, out string? text)
    {
        text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        return text is null ? WooError.InvalidParam(field, $"{field} is not of type string.") : null;
    }

    private static bool Matches(WooOrder order, string search) =>
        new[] { order.Number, order.Billing.FirstName, order.Billing.LastName, order.Billing.Email, order.Shipping.FirstName, order.Shipping.LastName }
            .Any(v => v.Contains(search, StringComparison.OrdinalIgnoreCase))
        || order.Lines.Any(l => l.Name.Contains(search, StringComparison.OrdinalIgnoreCase));

    private static string PageUrl(HttpContext context, int page)
    {
        var query = context.Request.Query
            .Where(q => q.Key != "page" && !q.Key.StartsWith("oauth_", StringComparison.Ordinal))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"page={WooJson.Number(page)}");
        return $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?{string.Join("&", query)}";
    }
}
