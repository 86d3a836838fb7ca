using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// The wc/v3 product routes under <c>/wp-json/wc/v3/</c>: list (with the comma-separated sku filter, which returns
/// variations too, and X-WP-Total / X-WP-TotalPages), read, create, update, delete, variations, and the batch
/// endpoints with WooCommerce's item limit; the order routes are <see cref="WooOrdersApi"/>'s. Every request is
/// OAuth-verified first.
/// </summary>
internal sealed class WooCommerceApi(WooCommerceSandboxOptions options, WooCommerceStore store, WooOrdersApi orders, WooFaults faults, WooRequestLog log, WooHostRateLimit rateLimit)
{
    private static readonly WooError InvalidProductId = new(400, "woocommerce_rest_product_invalid_id", "Invalid ID.");
    private static readonly WooError InvalidVariationId = new(400, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.");

    private readonly OAuthVerifier verifier = new(options);

    public async Task HandleAsync(HttpContext context, string path)
    {
        if (faults.Delay > TimeSpan.Zero)
        {
            await Task.Delay(faults.Delay, options.TimeProvider, context.RequestAborted);
        }

        if (rateLimit.Take() is { } wait)
        {
            await Fail(context, 429, wait);
            return;
        }

        if (verifier.Verify(context.Request) is { } denied)
        {
            await Error(context, denied);
            return;
        }

        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        var received = options.TimeProvider.GetUtcNow();
        if (faults.TakeFailure() is { } fault)
        {
            await Fail(context, fault.Status, fault.RetryAfter);
        }
        else
        {
            await Route(context, path.TrimEnd('/'), body);
        }

        var query = string.Join("&", context.Request.Query.Where(q => !q.Key.StartsWith("oauth_", StringComparison.Ordinal))
            .SelectMany(q => q.Value.Select(v => $"{q.Key}={v}")));
        log.Add(new WooSandboxRequest(received, context.Request.Method, path, query.Length > 0 ? "?" + query : "", body.Length > 0 ? body : null, context.Response.StatusCode));
    }

    public static Task Json(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).AsTask();
    }

    public static Task Error(HttpContext context, WooError error) => Json(context, error.Status, json => WooJson.WriteError(json, error));

    private Task Route(HttpContext context, string path, string body)
    {
        var parts = path.Split('/');
        var method = context.Request.Method;
        var write = method is "POST" or "PUT" or "PATCH";
        if (parts.Length > 0 && parts[0] == "orders")
        {
            return orders.Route(context, parts, body);
        }

        if (parts.Length == 0 || parts[0] != "products")
        {
            return Error(context, WooError.NoRoute());
        }

        return (parts.Length, method) switch
        {
            (1, "GET") => List(context),
            (1, "POST") => WithBody(context, body, json => Created(context, json, parentId: 0)),
            (2, "POST") when parts[1] == "batch" => WithBody(context, body, json => Batch(context, json, parentId: 0)),
            (2, _) when Id(parts[1]) is { } id => method == "GET" ? Read(context, id, IsProduct, InvalidProductId with { Status = 404 })
                : write ? WithBody(context, body, json => Updated(context, id, json, parentId: 0))
                : method == "DELETE" ? Deleted(context, id, IsProduct, InvalidProductId with { Status = 404 })
                : Error(context, WooError.NoRoute()),
            (3, "GET") when parts[2] == "variations" && Id(parts[1]) is { } parent => Variations(context, parent),
            (3, "POST") when parts[2] == "variations" && Id(parts[1]) is { } parent => ForParent(context, parent, () => WithBody(context, body, json => Created(context, json, parent))),
            (4, "POST") when parts[2] == "variations" && parts[3] == "batch" && Id(parts[1]) is { } parent =>
                ForParent(context, parent, () => WithBody(context, body, json => Batch(context, json, parent))),
            (4, _) when parts[2] == "variations" && Id(parts[1]) is { } parent && Id(parts[3]) is { } id =>
                method == "GET" ? Read(context, id, v => v.IsVariation && v.ParentId == parent, InvalidVariationId with { Status = 404 })
                : write ? WithBody(context, body, json => Updated(context, id, json, parent))
                : method == "DELETE" ? Deleted(context, id, v => v.IsVariation && v.ParentId == parent, InvalidVariationId with { Status = 404 })
                : Error(context, WooError.NoRoute()),
            _ => Error(context, WooError.NoRoute()),
        };
    }

    private static bool IsProduct(WooProduct item) => !item.IsVariation;

    private static int? Id(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private Task ForParent(HttpContext context, int parentId, Func<Task> then) =>
        store.Get(parentId) is { IsVariation: false } ? then() : Error(context, InvalidProductId with { Status = 404 });

    private Task List(HttpContext context)
    {
        var query = context.Request.Query;
        var page = 1;
        var perPage = 10;
        if (query.ContainsKey("page") && (!int.TryParse(query["page"], out page) || page < 1))
        {
            return Error(context, WooError.InvalidParam("page", "page must be greater than or equal to 1"));
        }

        if (query.ContainsKey("per_page") && (!int.TryParse(query["per_page"], out perPage) || perPage is < 1 or > 100))
        {
            return Error(context, WooError.InvalidParam("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)"));
        }

        // WooCommerce splits the filter at commas and, when that gives more than one SKU, also matches the whole text,
        // so that a SKU holding a comma can still be found on its own.
        var sku = query["sku"].ToString();
        var skus = sku.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (skus.Count > 1)
        {
            skus.Add(sku);
        }

        if (Order(context) is not { } descending)
        {
            return Error(context, WooError.InvalidParam("order", "order is not one of asc, desc."));
        }

        if (sku.Length > 0)
        {
            var matches = store.BySkus(skus);
            return Page(context, descending ? matches.Reverse().ToList() : matches, page, perPage);
        }

        // Without a filter the page is a slice of the id index: a read of 100,000 products pages through it
        // without sorting or scanning the catalog per request. Ids follow creation, so date and id order agree.
        var (slice, total) = store.ProductPage((int)Math.Min(((long)page - 1) * perPage, int.MaxValue), perPage, descending);
        return WritePage(context, slice, total, perPage);
    }

    /// <summary>
    /// Descending (WooCommerce's default) unless <c>order=asc</c>; null for an order that is neither. Orderings other
    /// than date and id are served in id order: the sandbox does not keep titles, prices or popularity sorted.
    /// </summary>
    private static bool? Order(HttpContext context) => context.Request.Query["order"].ToString() switch
    {
        "" or "desc" => true,
        "asc" => false,
        _ => null,
    };

    private Task Variations(HttpContext context, int parentId)
    {
        if (store.Get(parentId) is not { IsVariation: false })
        {
            return Error(context, InvalidProductId with { Status = 404 });
        }

        var perPage = int.TryParse(context.Request.Query["per_page"], out var p) ? Math.Clamp(p, 1, 100) : 10;
        var page = int.TryParse(context.Request.Query["page"], out var n) ? Math.Max(n, 1) : 1;
        var variations = store.VariationsOf(parentId);
        return Page(context, Order(context) == false ? variations : variations.Reverse().ToList(), page, perPage);
    }

    private Task Page(HttpContext context, IReadOnlyList<WooProduct> all, int page, int perPage) =>
        WritePage(context, all.Skip((int)Math.Min(((long)page - 1) * perPage, int.MaxValue)).Take(perPage).ToList(), all.Count, perPage);

    /// <summary>Writes one page of a collection (<paramref name="slice"/>) of <paramref name="total"/> items, with WordPress's total headers.</summary>
    private Task WritePage(HttpContext context, IReadOnlyList<WooProduct> slice, int total, int perPage)
    {
        context.Response.Headers["X-WP-Total"] = WooJson.Number(total);
        context.Response.Headers["X-WP-TotalPages"] = WooJson.Number((total + perPage - 1) / perPage);
        return Json(context, 200, json =>
        {
            json.WriteStartArray();
            foreach (var item in slice)
            {
                WooJson.WriteItem(json, item, VariationIds(item));
            }

            json.WriteEndArray();
        });
    }

    private Task Read(HttpContext context, int id, Func<WooProduct, bool> accepts, WooError notFound) =>
        store.Get(id) is { } item && accepts(item)
            ? Json(context, 200, json => WooJson.WriteItem(json, item, VariationIds(item)))
            : Error(context, notFound);

    private Task Deleted(HttpContext context, int id, Func<WooProduct, bool> accepts, WooError notFound)
    {
        if (context.Request.Query["force"] != "true")
        {
            return Error(context, new WooError(501, "woocommerce_rest_trash_not_supported", "Resource does not support trashing."));
        }

        return store.Delete(id, accepts) is { } removed
            ? Json(context, 200, json => WooJson.WriteItem(json, removed, []))
            : Error(context, notFound);
    }

    private Task Created(HttpContext context, JsonObject json, int parentId)
    {
        var (item, error) = Create(json, parentId);
        return error is not null ? Error(context, error) : Json(context, 201, w => WooJson.WriteItem(w, item!, []));
    }

    private Task Updated(HttpContext context, int id, JsonObject json, int parentId)
    {
        var (item, error) = Update(id, json, parentId);
        return error is not null ? Error(context, error) : Json(context, 200, w => WooJson.WriteItem(w, item!, VariationIds(item!)));
    }

    private (WooProduct? Item, WooError? Error) Create(JsonObject json, int parentId)
    {
        var (change, error) = ProductInput.Read(json, variation: parentId != 0);
        if (error is not null)
        {
            return (null, error);
        }

        var draft = change!(new WooProduct(0, parentId, parentId != 0 ? "variation" : "simple", "", "", "publish", "", "", "", false, null, []));
        return store.Create(draft);
    }

    private (WooProduct? Item, WooError? Error) Update(int id, JsonObject json, int parentId)
    {
        var (change, error) = ProductInput.Read(json, variation: parentId != 0);
        if (error is not null)
        {
            return (null, error);
        }

        return parentId == 0
            ? store.Update(id, IsProduct, InvalidProductId, change!)
            : store.Update(id, v => v.IsVariation && v.ParentId == parentId, InvalidVariationId, change!);
    }

    private Task Batch(HttpContext context, JsonObject json, int parentId)
    {
        var create = json["create"] as JsonArray ?? [];
        var update = json["update"] as JsonArray ?? [];
        var delete = json["delete"] as JsonArray ?? [];
        if (create.Count + update.Count + delete.Count > options.BatchLimit)
        {
            return Error(context, new WooError(413, "woocommerce_rest_request_entity_too_large",
                $"Unable to accept more than {options.BatchLimit} items for this request."));
        }

        var results = new List<(string Section, WooProduct? Item, int Id, WooError? Error)>();
        foreach (var entry in create)
        {
            var (item, error) = entry is JsonObject o ? Create(o, parentId) : (null, WooError.InvalidParam("create", "create[] items must be objects."));
            results.Add(("create", item, 0, error));
        }

        foreach (var entry in update)
        {
            var id = entry is JsonObject o && o["id"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
            var (item, error) = entry is JsonObject body ? Update(id, body, parentId) : (null, WooError.InvalidParam("update", "update[] items must be objects."));
            results.Add(("update", item, id, error));
        }

        foreach (var entry in delete)
        {
            var id = entry is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
            var removed = store.Delete(id, parentId == 0 ? IsProduct : x => x.IsVariation && x.ParentId == parentId);
            results.Add(("delete", removed, id, removed is null ? (parentId == 0 ? InvalidProductId : InvalidVariationId) : null));
        }

        return Json(context, 200, w =>
        {
            w.WriteStartObject();
            foreach (var section in new[] { "create", "update", "delete" })
            {
                var entries = results.Where(r => r.Section == section).ToList();
                if (entries.Count == 0 && (json[section] is null))
                {
                    continue;
                }

                w.WriteStartArray(section);
                foreach (var (_, item, id, error) in entries)
                {
                    if (error is not null)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("id", id);
                        w.WritePropertyName("error");
                        WooJson.WriteError(w, error);
                        w.WriteEndObject();
                    }
                    else
                    {
                        WooJson.WriteItem(w, item!, VariationIds(item!));
                    }
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        });
    }

    private IReadOnlyList<int> VariationIds(WooProduct item) =>
        item.Type == "variable" ? store.VariationsOf(item.Id).Select(v => v.Id).ToList() : [];

    public static Task WithBody(HttpContext context, string body, Func<JsonObject, Task> then)
    {
        JsonNode? node;
        try
        {
            node = body.Length == 0 ? new JsonObject() : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            node = null;
        }

        return node is JsonObject json
            ? then(json)
            : Error(context, new WooError(400, "rest_invalid_json", "Invalid JSON body passed."));
    }

    /// <summary>An injected failure: 5xx as WordPress's fatal-error handler answers it; 429/503 as a host or WAF would, with Retry-After.</summary>
    private static Task Fail(HttpContext context, int status, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = WooJson.Number((int)Math.Ceiling(wait.TotalSeconds));
        }

        if (status is 429 or 503)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=UTF-8";
            return context.Response.WriteAsync(status == 429 ? "<html><body><h1>429 Too Many Requests</h1></body></html>" : "<html><body><h1>503 Service Unavailable</h1></body></html>");
        }

        return Error(context, status >= 500
            ? new WooError(status, "internal_server_error", "There has been a critical error on this website.")
            : new WooError(status, "woocommerce_rest_sandbox_fault", "Injected failure."));
    }
}
