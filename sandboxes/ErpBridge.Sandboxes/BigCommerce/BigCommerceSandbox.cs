using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// A BigCommerce store on a real Kestrel server: the v3 catalog and inventory calls and the v2 order calls the
/// connector makes (order list with changed-since filter and paging, products, shipping addresses, shipments), with
/// BigCommerce's auth, envelopes, error bodies and X-Rate-Limit-* headers. State, faults and seeding are reachable
/// from code (tests) and over HTTP under <c>/_sandbox/</c> (the demo).
/// </summary>
public sealed class BigCommerceSandbox : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly BigCommerceStore store;
    private readonly BigCommerceOrders orders;
    private readonly FixedWindowRateLimit rateLimit;
    private readonly SandboxFaults faults = new();
    private readonly RequestLog requests;

    private BigCommerceSandbox(WebApplication app, BigCommerceSandboxOptions options)
    {
        this.app = app;
        Options = options;
        store = new BigCommerceStore(options.LocationCodes, options.TimeProvider);
        orders = new BigCommerceOrders(options.TimeProvider);
        rateLimit = new FixedWindowRateLimit(options.TimeProvider, options.RateLimitEnabled, options.RateLimitQuota, options.RateLimitWindow);
        requests = new RequestLog(options.MaxLoggedRequests);
        if (options.DemoOrders)
        {
            foreach (var demo in BigCommerceDemoOrders.Create(options.DemoOrderSkus, options.TimeProvider.GetUtcNow()))
            {
                orders.Seed(demo.Seed, ProductIdOf);
                if (demo.Then is { } then)
                {
                    orders.Update(demo.Seed.Id, then, then == BigCommerceOrderStatuses.Cancelled ? "void" : null);
                }
            }
        }
    }

    public BigCommerceSandboxOptions Options { get; }

    /// <summary>The API root, ending in '/'; the store's API is at <c>stores/{hash}/v3/</c> below it.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The API requests received (authenticated, within the rate limit), oldest first.</summary>
    public IReadOnlyList<SandboxRequest> Requests => requests.Snapshot();

    /// <summary>The write requests received (PUT/POST), oldest first.</summary>
    public IReadOnlyList<SandboxRequest> WriteRequests => requests.Snapshot().Where(r => r.IsWrite).ToList();

    /// <summary>How many API requests were received in all, including those dropped from <see cref="Requests"/>.</summary>
    public long RequestCount => requests.Total;

    public RateLimitSettings RateLimitSettings => rateLimit.Settings;

    /// <summary>Requests refused with 429 because the window's quota was used up.</summary>
    public long RateLimitedCount => rateLimit.Refused;

    public static async Task<BigCommerceSandbox> StartAsync(BigCommerceSandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.StoreHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AccessToken);

        var builder = SandboxApplication.CreateBuilder(options.Url);
        var app = builder.Build();
        var sandbox = new BigCommerceSandbox(app, options);
        var api = new BigCommerceApi(options, sandbox.store, sandbox.rateLimit, sandbox.faults, sandbox.requests, new BigCommerceOrdersApi(sandbox.orders));
        var admin = new SandboxAdminEndpoints(sandbox);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path.StartsWith("/stores/", StringComparison.Ordinal))
            {
                return api.HandleAsync(context, path["/stores/".Length..]);
            }

            return path.StartsWith("/_sandbox/", StringComparison.Ordinal)
                ? admin.HandleAsync(context, path["/_sandbox/".Length..])
                : BigCommerceApi.Json(context, 404, json => BigCommerceJson.WriteProblem(json, 404, "The requested resource was not found", null));
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return sandbox;
    }

    /// <summary>A consistent copy of products, variants, locations and stock, and the orders with their shipments.</summary>
    public BigCommerceSandboxState State() => store.Snapshot() with { Orders = orders.Snapshot() };

    /// <summary>
    /// Creates (or replaces) order <paramref name="orderId"/> (the store's order number) with one order product per line
    /// (price 10.00, no tax) and one shipping address; a line's SKU is linked to the catalog product holding it, if any.
    /// Returns the order, whose products carry the <c>order_product_id</c>s and whose address carries the <c>order_address_id</c>.
    /// </summary>
    public SandboxOrder SeedOrder(int orderId, IEnumerable<(string Sku, int Quantity)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToList();
        if (list.Any(l => string.IsNullOrEmpty(l.Sku)))
        {
            throw new ArgumentException("Every line needs a SKU; seed a SandboxOrderSeed for custom products without one.", nameof(lines));
        }

        return SeedOrder(new SandboxOrderSeed(orderId, list.Select(l => new SandboxOrderLineSeed(l.Sku, l.Quantity)).ToList()));
    }

    /// <summary>
    /// Creates (or replaces) an order with everything the order poller reads: customer (0 = guest), billing and shipping
    /// address, lines with price, tax rate and discount (an empty SKU is a custom product), shipping cost, statuses and
    /// currency. Created and modified times are the seed's CreatedAt or now on the sandbox's clock.
    /// </summary>
    public SandboxOrder SeedOrder(SandboxOrderSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seed.Id);
        if (seed.Lines.Count == 0 || seed.Lines.Any(l => l.Sku is null || l.Quantity < 1 || l.Price < 0 || l.TaxRate < 0 || l.Discount < 0))
        {
            throw new ArgumentException("An order needs at least one line, each with a quantity of at least 1 and no negative price, tax rate or discount.", nameof(seed));
        }

        if (!BigCommerceOrderStatuses.IsKnown(seed.StatusId))
        {
            throw new ArgumentOutOfRangeException(nameof(seed), seed.StatusId, "BigCommerce order statuses are 0 to 14.");
        }

        return orders.Seed(seed, ProductIdOf);
    }

    /// <summary>
    /// Changes an order's status (a <see cref="BigCommerceOrderStatuses"/> id) and/or payment status, as a merchant does
    /// in the control panel, and bumps its modified time to now. Null when there is no such order.
    /// </summary>
    public SandboxOrder? UpdateOrder(int orderId, int? statusId = null, string? paymentStatus = null)
    {
        if (statusId is { } status && !BigCommerceOrderStatuses.IsKnown(status))
        {
            throw new ArgumentOutOfRangeException(nameof(statusId), status, "BigCommerce order statuses are 0 to 14.");
        }

        return orders.Update(orderId, statusId, paymentStatus);
    }

    /// <summary>Cancels an order (status 5, Cancelled; the payment voided) and bumps its modified time. Null when there is no such order.</summary>
    public SandboxOrder? CancelOrder(int orderId) => orders.Update(orderId, BigCommerceOrderStatuses.Cancelled, "void");

    /// <summary>Creates one product (with its base variant) per SKU not yet in the store; returns the products now holding those SKUs.</summary>
    public IReadOnlyList<SandboxProduct> Seed(IEnumerable<string> skus)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var seeded = store.Seed(skus.Distinct(StringComparer.Ordinal).ToList());
        orders.Relink(ProductIdOf);
        return seeded;
    }

    /// <summary>
    /// Sets stock levels by SKU and location code, creating a product (with its base variant) for each SKU not yet in
    /// the store: the fast way to give reconciliation tests and benchmarks a store with drift, missing and unknown SKUs
    /// (100,000 levels in a few seconds at most: keyed look-ups, no scan per SKU). A location code not in <see cref="BigCommerceSandboxOptions.LocationCodes"/>
    /// is an error; nothing is set then.
    /// </summary>
    public void SetStock(IEnumerable<(string Sku, string Location, long Quantity)> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        store.SetStock(levels.ToList());
        orders.Relink(ProductIdOf);
    }

    /// <summary>
    /// Sets a SKU's safety stock at a location, as a merchant would: <c>available_to_sell</c> drops by it, the stock on
    /// hand that deliveries set does not. False when the store has no such SKU or location code.
    /// </summary>
    public bool SetSafetyStock(string sku, string location, int safetyStock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(safetyStock);
        return store.SetSafetyStock(sku, location, safetyStock);
    }

    /// <summary>Deletes a product (and its variants and stock) behind the connector's back, as a merchant would in the control panel.</summary>
    public bool DeleteProduct(int productId) => store.Delete(productId);

    /// <summary>The next <paramref name="count"/> API requests (after auth and rate limit) fail with <paramref name="status"/>.</summary>
    public void FailNext(int count, int status = 500) => faults.FailNext(count, status);

    /// <summary>Every API request waits this long before it is answered; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public void Delay(TimeSpan delay) => faults.Delay = delay;

    /// <summary>Turns the store's rate limit on or off; the window restarts now. Unset values keep their current setting.</summary>
    public void RateLimit(bool enabled, int? quota = null, TimeSpan? window = null) => rateLimit.Configure(enabled, quota, window);

    public void ClearRequests() => requests.Clear();

    private int ProductIdOf(string sku) => store.Products(p => p.Sku == sku).FirstOrDefault()?.Id ?? 0;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
