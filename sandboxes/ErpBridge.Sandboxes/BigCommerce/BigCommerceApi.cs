using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// The emulated REST API under <c>/stores/{hash}/</c> (v3 catalog, inventory adjustments and items, v2 orders): store hash, auth, rate limit and injected faults are checked
/// in that order, then the request is routed by hand (no MVC: the benchmark pushes thousands of requests a second).
/// </summary>
internal sealed class BigCommerceApi(
    BigCommerceSandboxOptions options,
    BigCommerceStore store,
    FixedWindowRateLimit rateLimit,
    SandboxFaults faults,
    RequestLog requests,
    BigCommerceOrdersApi ordersApi)
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 250;

    /// <summary>GET v3/inventory/items: "Limit of 1000 items for payload length".</summary>
    private const int MaxInventoryItemsLimit = 1000;
    private const string ProductPath = "v3/catalog/products/";

    /// <summary>PUT v3/catalog/products: "Batches are limited to 10 products."</summary>
    private const int MaxBatchUpdate = 10;

    private readonly byte[] token = Encoding.UTF8.GetBytes(options.AccessToken);

    public async Task HandleAsync(HttpContext context, string pathAfterStores)
    {
        var slash = pathAfterStores.IndexOf('/', StringComparison.Ordinal);
        var hash = slash < 0 ? pathAfterStores : pathAfterStores[..slash];
        var rest = slash < 0 ? "" : pathAfterStores[(slash + 1)..];
        if (hash != options.StoreHash)
        {
            await Problem(context, 404, "Store not found", null);
            return;
        }

        if (!Authorized(context.Request))
        {
            RateHeaders(context.Response, rateLimit.Peek());
            await Problem(context, 401, "Unauthorized: no valid X-Auth-Token was found in the request", null);
            return;
        }

        var limit = rateLimit.Take();
        RateHeaders(context.Response, limit);
        if (!limit.Allowed)
        {
            context.Response.Headers["X-Retry-After"] = ((limit.ResetMs + 999) / 1000).ToString(CultureInfo.InvariantCulture);
            await Problem(context, 429, "Too many requests: the store's rate limit for this window is used up", null);
            return;
        }

        var delay = faults.Delay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, options.TimeProvider, context.RequestAborted);
        }

        var method = context.Request.Method;
        var isWrite = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var body = isWrite ? await ReadBody(context) : null;
        if (faults.TakeFailure() is { } failure)
        {
            await Problem(context, failure, failure >= 500 ? "Internal Server Error (injected)" : "Injected failure", null);
        }
        else
        {
            await Route(context, method, rest, body);
        }

        requests.Add(new SandboxRequest(
            options.TimeProvider.GetUtcNow(), method, rest, context.Request.QueryString.Value ?? "",
            body is null ? null : Encoding.UTF8.GetString(body), context.Response.StatusCode));
    }

    private Task Route(HttpContext context, string method, string path, byte[]? body) => (method, path) switch
    {
        ("PUT", "v3/inventory/adjustments/absolute") => AdjustAbsolute(context, body!),
        ("GET", "v3/inventory/locations") => GetLocations(context),
        ("GET", "v3/inventory/items") => GetInventoryItems(context),
        ("GET", "v3/catalog/products") => GetProducts(context),
        ("POST", "v3/catalog/products") => CreateProduct(context, body!),
        ("PUT", "v3/catalog/products") => UpdateProducts(context, body!),
        ("PUT", _) when path.StartsWith(ProductPath, StringComparison.Ordinal) && !path[ProductPath.Length..].Contains('/', StringComparison.Ordinal)
            => UpdateProduct(context, path[ProductPath.Length..], body!),
        ("GET", "v3/catalog/variants") => GetVariants(context),
        ("GET", BigCommerceOrdersApi.ListPath) => ordersApi.ListAsync(context),
        _ when path.StartsWith(BigCommerceOrdersApi.Prefix, StringComparison.Ordinal) => ordersApi.HandleAsync(context, method, path, body),
        _ => Problem(context, 404, "The requested resource was not found", null),
    };

    private async Task AdjustAbsolute(HttpContext context, byte[] body)
    {
        if (!TryParse(body, out var document))
        {
            await Problem(context, 422, "Payload contains invalid fields", new Dictionary<string, string> { ["body"] = "malformed JSON" }, ProblemJson);
            return;
        }

        using (document)
        {
            var (items, title, errors) = AdjustmentRequestReader.Read(document.RootElement);
            if (items is null)
            {
                await Problem(context, 422, title!, errors, ProblemJson);
                return;
            }

            var rejection = store.SetAbsolute(items);
            if (rejection is not null)
            {
                await Problem(context, 422, rejection, new Dictionary<string, string>(), ProblemJson);
                return;
            }
        }

        await Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteString("transaction_id", Guid.NewGuid().ToString());
            json.WriteEndObject();
        });
    }

    private Task GetLocations(HttpContext context)
    {
        var locations = store.Locations;
        return Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var location in locations)
            {
                BigCommerceJson.WriteLocation(json, location);
            }

            json.WriteEndArray();
            BigCommerceJson.WritePaginationMeta(json, locations.Count, locations.Count, DefaultLimit, 1);
            json.WriteEndObject();
        });
    }

    private async Task GetInventoryItems(HttpContext context)
    {
        var query = context.Request.Query;
        if (!Paging(query, MaxInventoryItemsLimit, out var page, out var limit, out var pagingError))
        {
            await Problem(context, pagingError, $"Invalid paging: page must be 1 or more and limit 1 to {MaxInventoryItemsLimit}", null);
            return;
        }

        var filter = new InventoryItemFilter(
            Values(query, "sku", "sku:in"),
            IntValues(query, "variant_id", "variant_id:in"),
            IntValues(query, "product_id", "product_id:in"),
            IntValues(query, "location_id", "location_id:in"),
            Values(query, "location_code", "location_code:in"));
        var (items, total) = store.InventoryItems(filter, page, limit);
        await Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var item in items)
            {
                BigCommerceJson.WriteInventoryItem(json, item);
            }

            json.WriteEndArray();
            BigCommerceJson.WritePaginationMeta(json, total, items.Count, limit, page);
            json.WriteEndObject();
        });
    }

    private async Task GetProducts(HttpContext context)
    {
        var query = context.Request.Query;
        if (!Paging(query, out var page, out var limit, out var pagingError))
        {
            await Problem(context, pagingError, "Invalid paging: page must be 1 or more and limit 1 to 250", null);
            return;
        }

        var skus = Values(query, "sku", "sku:in");
        var ids = IntValues(query, "id", "id:in");
        var matching = store.Products(p => (skus is null || skus.Contains(p.Sku)) && (ids is null || ids.Contains(p.Id)));
        var fields = Fields(query);
        var pageItems = matching.Skip((page - 1) * limit).Take(limit).ToList();
        await Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var product in pageItems)
            {
                BigCommerceJson.WriteProduct(json, product, store.InventoryLevel(product.BaseVariantId), fields);
            }

            json.WriteEndArray();
            BigCommerceJson.WritePaginationMeta(json, matching.Count, pageItems.Count, limit, page);
            json.WriteEndObject();
        });
    }

    private async Task GetVariants(HttpContext context)
    {
        var query = context.Request.Query;
        if (!Paging(query, out var page, out var limit, out var pagingError))
        {
            await Problem(context, pagingError, "Invalid paging: page must be 1 or more and limit 1 to 250", null);
            return;
        }

        // The catalog contract declares only "sku" here; like the real API, an undeclared filter (sku:in) filters nothing.
        var skus = Values(query, "sku", null);
        var productIds = IntValues(query, "product_id", "product_id:in");
        var matching = store.Variants(v => (skus is null || skus.Contains(v.Sku)) && (productIds is null || productIds.Contains(v.ProductId)));
        var fields = Fields(query);
        var pageItems = matching.Skip((page - 1) * limit).Take(limit).ToList();
        await Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var variant in pageItems)
            {
                BigCommerceJson.WriteVariant(json, variant, store.Product(variant.ProductId), store.InventoryLevel(variant.Id), fields);
            }

            json.WriteEndArray();
            BigCommerceJson.WritePaginationMeta(json, matching.Count, pageItems.Count, limit, page);
            json.WriteEndObject();
        });
    }

    private async Task CreateProduct(HttpContext context, byte[] body)
    {
        var (fields, errors) = ReadProduct(body, create: true);
        if (fields is null)
        {
            await Problem(context, 422, "JSON data is missing or invalid", errors);
            return;
        }

        var (product, conflict) = store.Create(fields);
        if (product is null)
        {
            await Conflict(context, conflict!);
            return;
        }

        await ProductResponse(context, product);
    }

    private async Task UpdateProduct(HttpContext context, string idText, byte[] body)
    {
        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || store.Product(id) is null)
        {
            await Problem(context, 404, "The requested product was not found.", null);
            return;
        }

        var (fields, errors) = ReadProduct(body, create: false);
        if (fields is null)
        {
            await Problem(context, 422, "JSON data is missing or invalid", errors);
            return;
        }

        var (product, conflict) = store.Update(id, fields);
        if (product is null)
        {
            await Problem(context, 404, "The requested product was not found.", null);
        }
        else if (conflict == "custom_fields.id")
        {
            await Problem(context, 422, "JSON data is missing or invalid", new Dictionary<string, string> { ["custom_fields"] = "A custom field id does not belong to this product" });
        }
        else if (conflict is not null)
        {
            await Conflict(context, conflict);
        }
        else
        {
            await ProductResponse(context, product);
        }
    }

    /// <summary>
    /// PUT v3/catalog/products, "Update Products (Batch)": an array of at most <see cref="MaxBatchUpdate"/> partial
    /// products, each with its id; fields not given keep their values. Checked as a whole before anything changes.
    /// </summary>
    private async Task UpdateProducts(HttpContext context, byte[] body)
    {
        if (!TryParse(body, out var document))
        {
            await Problem(context, 422, "JSON data is missing or invalid", new Dictionary<string, string> { ["body"] = "error.expected.jsarray" });
            return;
        }

        var updates = new List<(int Id, ProductFields Fields)>();
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
            {
                await Problem(context, 422, "JSON data is missing or invalid", new Dictionary<string, string> { ["body"] = "error.expected.jsarray" });
                return;
            }

            if (root.GetArrayLength() > MaxBatchUpdate)
            {
                await Problem(context, 413, $"Batches are limited to {MaxBatchUpdate} products", null);
                return;
            }

            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                var at = index++.ToString(CultureInfo.InvariantCulture);
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("id", out var idValue) || !idValue.TryGetInt32(out var id))
                {
                    await Problem(context, 422, "JSON data is missing or invalid", new Dictionary<string, string> { [$"[{at}].id"] = "error.path.missing" });
                    return;
                }

                if (store.Product(id) is null)
                {
                    await Problem(context, 404, $"The requested product was not found: id {id} ([{at}]).", null);
                    return;
                }

                var (fields, errors) = ProductRequestReader.Read(element, create: false);
                if (fields is null)
                {
                    await Problem(context, 422, "JSON data is missing or invalid", errors.ToDictionary(e => $"[{at}].{e.Key}", e => e.Value));
                    return;
                }

                updates.Add((id, fields));
            }
        }

        var updated = new List<SandboxProduct>(updates.Count);
        foreach (var (id, fields) in updates)
        {
            var (product, conflict) = store.Update(id, fields);
            if (product is null || conflict is not null)
            {
                await Conflict(context, conflict ?? "id");
                return;
            }

            updated.Add(product);
        }

        await Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var product in updated)
            {
                BigCommerceJson.WriteProduct(json, product, store.InventoryLevel(product.BaseVariantId), Fields(context.Request.Query));
            }

            json.WriteEndArray();
            json.WriteStartObject("meta");
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static (ProductFields? Fields, Dictionary<string, string> Errors) ReadProduct(byte[] body, bool create)
    {
        if (!TryParse(body, out var document))
        {
            return (null, new Dictionary<string, string>(StringComparer.Ordinal) { ["product"] = "error.expected.jsobject" });
        }

        using (document)
        {
            return ProductRequestReader.Read(document.RootElement, create);
        }
    }

    private Task Conflict(HttpContext context, string field) =>
        Problem(context, 409, $"The product {field} is a duplicate", new Dictionary<string, string> { [field] = $"The product {field} is a duplicate" });

    private Task ProductResponse(HttpContext context, SandboxProduct product) => Json(context, 200, json =>
    {
        json.WriteStartObject();
        json.WritePropertyName("data");
        BigCommerceJson.WriteProduct(json, product, store.InventoryLevel(product.BaseVariantId), Fields(context.Request.Query));
        json.WriteStartObject("meta");
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private bool Authorized(HttpRequest request)
    {
        var presented = request.Headers["X-Auth-Token"].ToString();
        return presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), token);
    }

    private static void RateHeaders(HttpResponse response, RateLimitState state)
    {
        var headers = response.Headers;
        headers["X-Rate-Limit-Requests-Left"] = state.Left.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Requests-Quota"] = state.Quota.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Time-Window-Ms"] = state.WindowMs.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Time-Reset-Ms"] = state.ResetMs.ToString(CultureInfo.InvariantCulture);
    }

    private static bool Paging(IQueryCollection query, out int page, out int limit, out int errorStatus) =>
        Paging(query, MaxLimit, out page, out limit, out errorStatus);

    private static bool Paging(IQueryCollection query, int maxLimit, out int page, out int limit, out int errorStatus)
    {
        page = 1;
        limit = DefaultLimit;
        errorStatus = 0;
        if (query.TryGetValue("page", out var pageText) && (!int.TryParse(pageText, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            errorStatus = 422;
            return false;
        }

        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText, CultureInfo.InvariantCulture, out limit) || limit < 1)
            {
                errorStatus = 422;
                return false;
            }

            if (limit > maxLimit)
            {
                // BigCommerce: 413 when limit is over the maximum.
                errorStatus = 413;
                return false;
            }
        }

        return true;
    }

    private static HashSet<string>? Values(IQueryCollection query, string single, string? list)
    {
        HashSet<string>? values = null;
        if (query.TryGetValue(single, out var one))
        {
            values = [one.ToString()];
        }

        if (list is not null && query.TryGetValue(list, out var many))
        {
            var split = many.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            values = values is null ? [.. split] : [.. values.Intersect(split)];
        }

        return values;
    }

    private static HashSet<int>? IntValues(IQueryCollection query, string single, string list) =>
        Values(query, single, list)?.Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : -1).ToHashSet();

    private static HashSet<string>? Fields(IQueryCollection query) =>
        query.TryGetValue("include_fields", out var fields)
            ? fields.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : null;

    private static bool TryParse(byte[] body, out JsonDocument document)
    {
        try
        {
            document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            document = null!;
            return false;
        }
    }

    private static async Task<byte[]> ReadBody(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private const string ProblemJson = "application/problem+json";

    private static Task Problem(HttpContext context, int status, string title, IReadOnlyDictionary<string, string>? errors, string contentType = "application/json") =>
        Json(context, status, json => BigCommerceJson.WriteProblem(json, status, title, errors), contentType);

    internal static async Task Json(HttpContext context, int status, Action<Utf8JsonWriter> write, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
