using ErpBridge.Sandboxes.Shopify.GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Sandboxes.Shopify;

/// <summary>
/// A real Kestrel server standing in for a shop's GraphQL Admin API: variant search by SKU, locations,
/// <c>inventorySetQuantities</c> (idempotent), <c>productSet</c>, orders (search by <c>updated_at</c>, sort keys,
/// keyset cursors) and <c>fulfillmentCreate</c>, the cost bucket, and fault knobs. Also serves
/// <c>GET /_sandbox/state</c>, <c>POST /_sandbox/faults</c>, <c>POST /_sandbox/seed</c> (SKUs and orders) and
/// <c>POST /_sandbox/orders</c>, <c>/_sandbox/orders/{number}/update</c> and <c>/cancel</c> for demos. Bulk query
/// operations (<c>bulkOperationRunQuery</c>, <c>bulkOperation</c>, <c>currentBulkOperation</c>) write JSONL served at
/// signed <c>GET /_sandbox/bulk/{n}.jsonl</c> URLs; <c>POST /_sandbox/stock</c> seeds levels in bulk.
/// </summary>
public sealed class ShopifySandbox : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ShopifyStore store;
    private readonly ShopifyCostBucket bucket;
    private readonly ShopifyFaults faults;
    private readonly ShopifyGraphQLEndpoint endpoint;

    private ShopifySandbox(WebApplication app, ShopifyStore store, ShopifyCostBucket bucket, ShopifyFaults faults, ShopifyGraphQLEndpoint endpoint, Uri baseAddress)
    {
        this.endpoint = endpoint;
        this.app = app;
        this.store = store;
        this.bucket = bucket;
        this.faults = faults;
        BaseAddress = baseAddress;
    }

    /// <summary>The shop root, ending in '/'; the GraphQL endpoint is <c>admin/api/{version}/graphql.json</c> under it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A consistent copy of products, variants, locations, levels and the mutation log.</summary>
    public ShopifySandboxState State
    {
        get
        {
            lock (store.Gate)
            {
                return store.Snapshot();
            }
        }
    }

    /// <summary>GraphQL requests received so far (look-ups included), to check that a client batches and caches.</summary>
    public long GraphQLRequestCount => endpoint.RequestCount;

    /// <summary>The most recent GraphQL requests that passed auth and version checks (up to 1,000): path, document, variables.</summary>
    public IReadOnlyList<ShopifyGraphQLRequest> GraphQLRequests => endpoint.Received;

    public static async Task<ShopifySandbox> StartAsync(ShopifySandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = SchemaModel.Shopify;
        var store = new ShopifyStore(options.TimeProvider);
        store.BulkOperations = new ShopifyBulkOperations(store, options);
        foreach (var location in options.Locations)
        {
            store.AddLocation(location);
        }

        store.Seed(options.Skus);
        foreach (var demo in ShopifyDemoOrders.Create(options.Skus, options.DemoOrders))
        {
            store.SeedOrder(demo);
            if (ShopifyDemoOrders.StartsCancelled(demo))
            {
                store.CancelOrder(demo.OrderNumber, refund: true);
            }
        }

        var bucket = new ShopifyCostBucket(options.TimeProvider, options.BucketSize, options.RestoreRate) { Enabled = options.RateLimitEnabled };
        var faults = new ShopifyFaults();
        var endpoint = new ShopifyGraphQLEndpoint(options, store, bucket, faults);

        var builder = SandboxApplication.CreateBuilder(options.Url);
        var app = builder.Build();
        var sandbox = default(ShopifySandbox);
        app.MapPost("/admin/api/{version}/graphql.json", (HttpContext http, string version) => endpoint.HandleAsync(http, version));
        app.MapGet("/_sandbox/bulk/{number:long}.jsonl", (HttpContext http, long number, long? expires, string? signature) =>
        {
            var (path, status, error) = store.BulkOperations.Open(number, expires, signature, http.Request.Headers.ContainsKey("X-Shopify-Access-Token"));
            return path is not null
                ? Results.File(path, "application/jsonl", enableRangeProcessing: true)
                : Results.Content($"<?xml version='1.0' encoding='UTF-8'?><Error><Code>{error}</Code></Error>", "application/xml", statusCode: status);
        });
        app.MapPost("/_sandbox/stock", (List<ShopifyStockSeed> stock) =>
        {
            sandbox!.SetStock(stock.Select(s => (s.Sku, s.Location, s.Quantity)));
            return Results.NoContent();
        });
        app.MapGet("/_sandbox/state", () => Results.Json(sandbox!.State));
        app.MapGet("/_sandbox/stats", () => Results.Json(new
        {
            requests = endpoint.RequestCount,
            throttled = endpoint.ThrottledCount,
            pointsCharged = endpoint.PointsCharged,
            bulkDownloads = store.BulkOperations.DownloadCounts.Downloads,
            rateLimit = new { enabled = bucket.Enabled, bucketSize = bucket.Maximum, restoreRate = bucket.RestoreRate },
        }));
        app.MapPost("/_sandbox/faults", (ShopifyFaultRequest request) =>
        {
            sandbox!.Apply(request);
            return Results.NoContent();
        });
        app.MapPost("/_sandbox/seed", (ShopifySeedRequest request) =>
        {
            sandbox!.Seed(request.Skus ?? []);
            if (request.Orders is not { Count: > 0 } orders)
            {
                return Results.NoContent();
            }

            try
            {
                return Results.Json(orders.Select(o => sandbox.SeedOrder(o.OrderNumber, o.Lines.Select(l => (l.Sku, l.Quantity)))).ToList());
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                return Results.BadRequest(new { errors = exception.Message });
            }
        });
        app.MapPost("/_sandbox/orders", (ShopifyOrderSeed seed) => Answer(() => Results.Json(sandbox!.SeedOrder(seed), statusCode: StatusCodes.Status201Created)));
        app.MapPost("/_sandbox/orders/{number}/update", (string number, ShopifyOrderUpdate update) => Answer(() => Results.Json(sandbox!.UpdateOrder(number, update))));
        app.MapPost("/_sandbox/orders/{number}/cancel", (string number, ShopifyOrderCancel? cancel) => Answer(() => Results.Json(sandbox!.CancelOrder(number, cancel?.Refund ?? true))));
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox = new ShopifySandbox(app, store, bucket, faults, endpoint, new Uri(address.TrimEnd('/') + "/"));
        store.BulkOperations.BaseAddress = sandbox.BaseAddress;
        return sandbox;
    }

    /// <summary>The next <paramref name="count"/> GraphQL requests get HTTP <paramref name="status"/> (429 comes with Retry-After).</summary>
    public void FailNext(int count, int status = 500) => faults.FailNext(count, status);

    /// <summary>Every GraphQL request waits this long before it is handled (zero turns it off).</summary>
    public void Delay(TimeSpan delay) => faults.Delay = delay;

    /// <summary>Turns the cost bucket on or off, and optionally resizes it.</summary>
    public void SetRateLimit(bool enabled, double? bucketSize = null, double? restoreRate = null)
    {
        bucket.Configure(bucketSize, restoreRate);
        bucket.Enabled = enabled;
    }

    /// <summary>Creates one product, variant and inventory item per SKU not yet present, stocked at 0 at every location.</summary>
    public void Seed(IEnumerable<string> skus)
    {
        lock (store.Gate)
        {
            store.Seed(skus);
        }
    }

    /// <summary>
    /// Sets the available quantity of each SKU at each location (by name), creating missing products and locations:
    /// fast enough to seed 100,000 SKUs for reconciliation reads. Also <c>POST /_sandbox/stock</c> with
    /// <c>[{"sku","location","quantity"}]</c>.
    /// </summary>
    public void SetStock(IEnumerable<(string Sku, string Location, long Quantity)> stock)
    {
        ArgumentNullException.ThrowIfNull(stock);
        var list = stock.ToList();
        lock (store.Gate)
        {
            store.SetStock(list);
        }
    }

    /// <summary>Result downloads of bulk operations served so far, and how many of them carried an access token (a client should send none).</summary>
    public (long Downloads, long WithToken) BulkDownloads => store.BulkOperations.DownloadCounts;

    /// <summary>
    /// Creates order <paramref name="orderNumber"/> (named "#1001" for "1001") with one open fulfillment order holding
    /// a line per SKU and quantity, ready to be shipped by <c>fulfillmentCreate</c>.
    /// </summary>
    public ShopifySeededOrder SeedOrder(string orderNumber, IEnumerable<(string Sku, int Quantity)> lines)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentNullException.ThrowIfNull(lines);
        lock (store.Gate)
        {
            return store.SeedOrder(orderNumber, lines);
        }
    }

    /// <summary>Creates an order with customer, addresses, prices, discounts and taxes; created and updated now (sandbox clock).</summary>
    public ShopifySeededOrder SeedOrder(ShopifyOrderSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentException.ThrowIfNullOrWhiteSpace(seed.OrderNumber);
        lock (store.Gate)
        {
            return store.SeedOrder(seed);
        }
    }

    /// <summary>Changes an order's payment status, note or shipping address and bumps its updated time; throws <see cref="KeyNotFoundException"/> for an unknown order.</summary>
    public ShopifyOrderState UpdateOrder(string orderNumber, ShopifyOrderUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (store.Gate)
        {
            return ShopifyStore.OrderState(store.UpdateOrder(orderNumber, update));
        }
    }

    /// <summary>Cancels an order (payment refunded, or voided when <paramref name="refund"/> is false or nothing was captured) and bumps its updated time.</summary>
    public ShopifyOrderState CancelOrder(string orderNumber, bool refund = true)
    {
        lock (store.Gate)
        {
            return ShopifyStore.OrderState(store.CancelOrder(orderNumber, refund));
        }
    }

    /// <summary>Adds a location and returns its GID.</summary>
    public string AddLocation(string name)
    {
        lock (store.Gate)
        {
            return store.AddLocation(name).Id;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        store.BulkOperations.Dispose();
    }

    private static IResult Answer(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (KeyNotFoundException exception)
        {
            return Results.NotFound(new { errors = exception.Message });
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return Results.BadRequest(new { errors = exception.Message });
        }
    }

    private void Apply(ShopifyFaultRequest request)
    {
        if (request.FailNext is { } count)
        {
            FailNext(count, request.Status ?? 500);
        }

        if (request.DelayMilliseconds is { } delay)
        {
            Delay(TimeSpan.FromMilliseconds(delay));
        }

        if (request.RateLimit is { } limit)
        {
            SetRateLimit(limit.Enabled ?? bucket.Enabled, limit.BucketSize, limit.RestoreRate);
        }
    }
}
