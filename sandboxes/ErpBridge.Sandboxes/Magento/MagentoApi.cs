using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// <c>/rest/{store}/V1/...</c> for the store codes <c>default</c> and <c>all</c>: the admin token, products by SKU (read,
/// search, create-or-update), MSI source items (save, and search for bulk reads) and sources, orders, shipments and shipping an order. Unknown routes get Magento's "Request does not match any route."
/// </summary>
internal sealed class MagentoApi(MagentoSandboxOptions options, MagentoStore store, MagentoSalesApi sales, MagentoAuthenticator auth, MagentoFaults faults, MagentoRequestLog requests)
{
    private const string ProductsResource = "Magento_Catalog::products";
    private const string SourceItemsResource = "Magento_InventoryApi::source_item";
    private const string SourcesResource = "Magento_InventoryApi::source";
    private const string OrdersResource = "Magento_Sales::actions_view";
    private const string ShipResource = "Magento_Sales::ship";
    private const string ShipmentsResource = "Magento_Sales::shipment";

    public async Task HandleAsync(HttpContext context, string afterRest)
    {
        var slash = afterRest.IndexOf('/', StringComparison.Ordinal);
        var storeCode = slash < 0 ? afterRest : afterRest[..slash];
        var path = slash < 0 ? "" : afterRest[(slash + 1)..];
        var method = context.Request.Method;
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        if (storeCode is not ("default" or "all"))
        {
            await MagentoJson.WriteError(context, new MagentoError(400, "The store that was requested wasn't found. Verify the store and try again."));
            return;
        }

        if (method == "POST" && path == "V1/integration/admin/token")
        {
            await IssueToken(context, body);
            return;
        }

        var route = Route(method, path);
        if (route is null)
        {
            await MagentoJson.WriteError(context, MagentoError.RouteNotFound());
            return;
        }

        var (authenticated, authError) = auth.Authenticate(context.Request, route.Value.Resource);
        if (authError is not null)
        {
            await MagentoJson.WriteError(context, authError);
            return;
        }

        if (faults.Delay > TimeSpan.Zero)
        {
            await Task.Delay(faults.Delay, options.TimeProvider, context.RequestAborted);
        }

        if (faults.TakeRateLimited(options.TimeProvider.GetUtcNow()) is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await MagentoJson.WriteError(context, new MagentoError(429, FaultMessage(429)));
        }
        else if (faults.TakeFailure() is { } failure)
        {
            if (failure.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await MagentoJson.WriteError(context, new MagentoError(failure.Status, FaultMessage(failure.Status)));
        }
        else
        {
            await route.Value.Handle(context, body);
        }

        requests.Add(new MagentoRequest(options.TimeProvider.GetUtcNow(), storeCode, method, path, context.Request.QueryString.Value ?? "",
            body.Length == 0 ? null : body, context.Response.StatusCode, authenticated!));
    }

    private (string Resource, Func<HttpContext, string, Task> Handle)? Route(string method, string path)
    {
        const string productPrefix = "V1/products/";
        const string orderPrefix = "V1/order/";
        const string shipSuffix = "/ship";
        return (method, path) switch
        {
            ("GET", "V1/orders") => (OrdersResource, (c, _) => sales.SearchOrders(c)),
            ("GET", "V1/shipments") => (ShipmentsResource, (c, _) => sales.SearchShipments(c)),
            ("POST", _) when path.StartsWith(orderPrefix, StringComparison.Ordinal) && path.EndsWith(shipSuffix, StringComparison.Ordinal)
                && path.Length > orderPrefix.Length + shipSuffix.Length && !path[orderPrefix.Length..^shipSuffix.Length].Contains('/', StringComparison.Ordinal) =>
                (ShipResource, (c, b) => sales.Ship(c, path[orderPrefix.Length..^shipSuffix.Length], b)),
            ("GET", "V1/products") => (ProductsResource, (c, _) => Search(c)),
            ("POST", "V1/products") => (ProductsResource, (c, b) => Save(c, b, pathSku: null)),
            ("POST", "V1/products/base-prices") => (ProductsResource, BasePrices),
            ("GET", "V1/inventory/sources") => (SourcesResource, (c, _) => Sources(c)),
            ("GET", "V1/inventory/source-items") => (SourceItemsResource, (c, _) => SearchSourceItems(c)),
            ("POST", "V1/inventory/source-items") => (SourceItemsResource, SaveSourceItems),
            ("GET" or "PUT", _) when path.StartsWith(productPrefix, StringComparison.Ordinal) && path.Length > productPrefix.Length
                && !path[productPrefix.Length..].Contains('/', StringComparison.Ordinal) =>
                (ProductsResource, (c, b) => method == "GET" ? Get(c, Uri.UnescapeDataString(path[productPrefix.Length..])) : Save(c, b, Uri.UnescapeDataString(path[productPrefix.Length..]))),
            _ => null,
        };
    }

    private async Task IssueToken(HttpContext context, string body)
    {
        var (username, password) = MagentoRequestReader.Credentials(body);
        var token = username is null || password is null ? null : auth.IssueAdminToken(username, password);
        if (token is null)
        {
            await MagentoJson.WriteError(context, new MagentoError(401,
                "The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later."));
            return;
        }

        await MagentoJson.Write(context, 200, json => json.WriteStringValue(token));
    }

    private Task Get(HttpContext context, string sku) =>
        store.Product(sku) is { } product
            ? MagentoJson.Write(context, 200, json => MagentoJson.WriteProduct(json, product))
            : MagentoJson.WriteError(context, MagentoError.ProductNotFound());

    private Task Search(HttpContext context)
    {
        var (criteria, error) = SearchCriteria.Parse(context.Request.Query);
        if (error is not null)
        {
            return MagentoJson.WriteError(context, error);
        }

        var matching = store.Products(criteria!.Matches);
        var page = criteria.PageSize is { } size ? matching.Skip((criteria.CurrentPage - 1) * size).Take(size) : matching;
        return MagentoJson.Write(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            foreach (var product in page)
            {
                MagentoJson.WriteProduct(json, product);
            }

            json.WriteEndArray();
            json.WriteStartObject("search_criteria");
            json.WriteStartArray("filter_groups");
            foreach (var group in criteria.Groups)
            {
                json.WriteStartObject();
                json.WriteStartArray("filters");
                foreach (var filter in group)
                {
                    json.WriteStartObject();
                    json.WriteString("field", filter.Field);
                    json.WriteString("value", filter.Value);
                    json.WriteString("condition_type", filter.Condition);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (criteria.PageSize is { } pageSize)
            {
                json.WriteNumber("page_size", pageSize);
                json.WriteNumber("current_page", criteria.CurrentPage);
            }

            json.WriteEndObject();
            json.WriteNumber("total_count", matching.Count);
            json.WriteEndObject();
        });
    }

    private Task Save(HttpContext context, string body, string? pathSku)
    {
        var (input, error) = MagentoRequestReader.Product(body, pathSku);
        if (error is not null)
        {
            return MagentoJson.WriteError(context, error);
        }

        var (product, saveError) = store.Save(input!);
        return saveError is not null
            ? MagentoJson.WriteError(context, saveError)
            : MagentoJson.Write(context, 200, json => MagentoJson.WriteProduct(json, product!));
    }

    /// <summary>Answers the entries that failed (an empty array when every price was set).</summary>
    private Task BasePrices(HttpContext context, string body)
    {
        var (prices, error) = MagentoRequestReader.BasePrices(body);
        if (error is not null)
        {
            return MagentoJson.WriteError(context, error);
        }

        var failed = store.SetBasePrices(prices!);
        return MagentoJson.Write(context, 200, json =>
        {
            json.WriteStartArray();
            foreach (var (message, parameters) in failed)
            {
                json.WriteStartObject();
                json.WriteString("message", message);
                json.WriteStartArray("parameters");
                foreach (var parameter in parameters)
                {
                    json.WriteStringValue(parameter);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    private Task SaveSourceItems(HttpContext context, string body)
    {
        var (items, error) = MagentoRequestReader.SourceItems(body);
        error ??= store.SaveSourceItems(items!);
        return error is not null
            ? MagentoJson.WriteError(context, error)
            : MagentoJson.Write(context, 200, json =>
            {
                json.WriteStartArray();
                json.WriteEndArray();
            });
    }

    /// <summary>
    /// <c>GET V1/inventory/source-items</c>: search criteria on sku, source_code, quantity and status, sort orders on
    /// the same fields (others are refused with 400), at most <see cref="MagentoSandboxOptions.MaxPageSize"/> per page;
    /// a page past the end answers the last page again, as Magento does.
    /// </summary>
    private Task SearchSourceItems(HttpContext context)
    {
        var (criteria, error) = SearchCriteria.Parse(context.Request.Query);
        if (error is not null)
        {
            return MagentoJson.WriteError(context, error);
        }

        if (criteria!.PageSize > options.MaxPageSize)
        {
            return MagentoJson.WriteError(context, new MagentoError(400, "Maximum SearchCriteria pageSize is %max",
                Named: new Dictionary<string, string> { ["max"] = options.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }

        if (criteria.Sorts.FirstOrDefault(s => MagentoStore.SourceItemField(new MagentoSourceItem("", "", 0, 0), s.Field) is null) is { } unknown)
        {
            return MagentoJson.WriteError(context, MagentoError.Invalid("sortOrders field", unknown.Field));
        }

        var (page, total) = store.SearchSourceItems(criteria);
        return MagentoJson.Write(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            foreach (var item in page)
            {
                MagentoJson.WriteSourceItem(json, item);
            }

            json.WriteEndArray();
            json.WritePropertyName("search_criteria");
            criteria.WriteTo(json);
            json.WriteNumber("total_count", total);
            json.WriteEndObject();
        });
    }

    private Task Sources(HttpContext context) => MagentoJson.Write(context, 200, json =>
    {
        var sources = store.Sources();
        json.WriteStartObject();
        json.WriteStartArray("items");
        foreach (var source in sources)
        {
            MagentoJson.WriteSource(json, source);
        }

        json.WriteEndArray();
        json.WriteStartObject("search_criteria");
        json.WriteStartArray("filter_groups");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNumber("total_count", sources.Count);
        json.WriteEndObject();
    });

    private static string FaultMessage(int status) => status switch
    {
        429 => "Too Many Requests",
        500 => "Internal Error. Details are available in Magento log file. Report ID: webapi-sandbox",
        503 => "Service Unavailable",
        _ => $"Sandbox fault {status}",
    };
}
