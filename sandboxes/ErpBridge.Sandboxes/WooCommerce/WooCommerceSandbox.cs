using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// A WooCommerce store on a real Kestrel server: the wc/v3 product, variation and batch routes the connector uses,
/// the order routes (list with the modified-date filter and pagination, read, update, notes, and the core fulfillments
/// routes when <see cref="WooCommerceSandboxOptions.FulfillmentsEnabled"/>), with one-legged OAuth 1.0a as WooCommerce requires over plain HTTP, its WP_Error bodies and pagination headers.
/// WooCommerce has no rate limit of its own; <see cref="FailNext"/> plays the host or WAF in front of it.
/// State, faults and seeding are reachable from code (tests) and over HTTP under <c>/_sandbox/</c> (the demo).
/// </summary>
public sealed class WooCommerceSandbox : IAsyncDisposable
{
    /// <summary>The REST namespace's root below the site URL.</summary>
    public const string ApiRoot = "wp-json/wc/v3/";

    private readonly WebApplication app;
    private readonly WooCommerceStore store = new();
    private readonly WooFaults faults = new();
    private readonly WooRequestLog requests;
    private readonly WooOrderBook orders;
    private readonly WooHostRateLimit rateLimit;
    private int demoOrdersPlaced;

    private WooCommerceSandbox(WebApplication app, WooCommerceSandboxOptions options)
    {
        this.app = app;
        Options = options;
        requests = new WooRequestLog(options.MaxLoggedRequests);
        orders = new WooOrderBook(options.TimeProvider);
        rateLimit = new WooHostRateLimit(options.TimeProvider);
    }

    public WooCommerceSandboxOptions Options { get; }

    /// <summary>The site URL, ending in '/' (the channel's BaseUrl); the API is at <see cref="ApiRoot"/> below it.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The authenticated API requests received, oldest first.</summary>
    public IReadOnlyList<WooSandboxRequest> Requests => requests.Snapshot();

    /// <summary>The authenticated write requests received (POST/PUT/PATCH/DELETE), oldest first.</summary>
    public IReadOnlyList<WooSandboxRequest> WriteRequests => requests.Snapshot().Where(r => r.IsWrite).ToList();

    public long RequestCount => requests.Total;

    /// <summary>API requests refused with 429 by <see cref="RateLimit"/> (they are not in <see cref="Requests"/>: they never reached the shop).</summary>
    public long RateLimitedCount => rateLimit.Refused;

    public static async Task<WooCommerceSandbox> StartAsync(WooCommerceSandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConsumerKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConsumerSecret);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchLimit, 1);

        var builder = SandboxApplication.CreateBuilder(options.Url);
        var app = builder.Build();
        var sandbox = new WooCommerceSandbox(app, options);
        var api = new WooCommerceApi(options, sandbox.store, new WooOrdersApi(options, sandbox.orders), sandbox.faults, sandbox.requests, sandbox.rateLimit);
        var admin = new WooSandboxAdminEndpoints(sandbox);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path.StartsWith("/" + ApiRoot, StringComparison.Ordinal))
            {
                return api.HandleAsync(context, path[(ApiRoot.Length + 1)..]);
            }

            return path.StartsWith("/_sandbox/", StringComparison.Ordinal)
                ? admin.HandleAsync(context, path["/_sandbox/".Length..])
                : WooCommerceApi.Error(context, WooError.NoRoute());
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return sandbox;
    }

    /// <summary>A consistent copy of products and variations.</summary>
    public WooCommerceSandboxState State() => store.Snapshot() with { Orders = orders.All() };

    /// <summary>
    /// Creates a simple product with managed stock (0) per SKU not yet in the store; returns the items holding those SKUs.
    /// The first call on a store started with <see cref="WooCommerceSandboxOptions.DemoOrders"/> also places the demo orders.
    /// </summary>
    public IReadOnlyList<WooProduct> Seed(IEnumerable<string> skus)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var seeded = skus.Distinct(StringComparer.Ordinal)
            .Select(sku => Existing(sku) ?? Created(new WooProduct(0, 0, "simple", $"Product {sku}", sku, "publish", "10.00", "", "", true, 0, [])))
            .ToList();
        if (Options.DemoOrders && seeded.Count > 0 && orders.All().Count == 0 && Interlocked.Exchange(ref demoOrdersPlaced, 1) == 0)
        {
            WooDemoOrders.Place(this, seeded.Select(p => p.Sku).ToList());
        }

        return seeded;
    }

    /// <summary>
    /// Sets the managed stock of each SKU in one pass (the last figure of a SKU named twice wins): a SKU the store has
    /// (product, variation, or a variable product's parent-level stock) gets manage_stock on and the quantity; any
    /// other SKU becomes a simple product as <see cref="Seed"/> makes them. Fast enough to seed 100,000 SKUs for a
    /// reconciliation benchmark. WooCommerce keeps one stock level per product, so there is no location to name.
    /// Returns how many levels were set.
    /// </summary>
    public int SetStock(IEnumerable<(string Sku, long Quantity)> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return store.SetStock(levels.Select(l => (l.Sku, checked((int)l.Quantity))));
    }

    /// <summary>
    /// Plays a host's or WAF's limit in front of the shop: beyond <paramref name="requests"/> API requests per
    /// <paramref name="per"/> it answers 429 with Retry-After. 0 requests turns it off (WooCommerce itself has no limit).
    /// </summary>
    public void RateLimit(int requests, TimeSpan per) => rateLimit.Configure(requests, per);

    /// <summary>
    /// Places an order for the lines (SKUs of the catalog take its product ids, names and prices); returns it with its
    /// id (= its order number) and line item ids.
    /// </summary>
    public WooOrder SeedOrder(IEnumerable<(string Sku, int Quantity)> lines, WooOrderDraft? draft = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return SeedOrder(lines.Select(l => new WooOrderLineSeed(l.Sku, l.Quantity)).ToList(), draft);
    }

    /// <inheritdoc cref="SeedOrder(IEnumerable{ValueTuple{string, int}}, WooOrderDraft?)"/>
    public WooOrder SeedOrder(IReadOnlyList<WooOrderLineSeed> lines, WooOrderDraft? draft = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return orders.Create(draft ?? new WooOrderDraft(), lines, Existing);
    }

    /// <summary>Sets an order's status as a merchant would in wp-admin; bumps its modified time. Null when there is no such order.</summary>
    public WooOrder? UpdateOrder(int orderId, string status)
    {
        if (!WooOrderStatuses.IsKnown(status))
        {
            throw new ArgumentException($"Status '{status}' is not a WooCommerce order status ({string.Join(", ", WooOrderStatuses.All)}).", nameof(status));
        }

        return orders.Update(orderId, o => o with { Status = status });
    }

    /// <summary>Cancels an order (status cancelled); bumps its modified time. Null when there is no such order.</summary>
    public WooOrder? CancelOrder(int orderId) => UpdateOrder(orderId, "cancelled");

    /// <summary>Creates a variable product <paramref name="parentSku"/> with one variation (managed stock 0) per SKU; returns the parent and its variations.</summary>
    public (WooProduct Parent, IReadOnlyList<WooProduct> Variations) SeedVariable(string parentSku, IEnumerable<string> variationSkus)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parentSku);
        ArgumentNullException.ThrowIfNull(variationSkus);
        var parent = Existing(parentSku) ?? Created(new WooProduct(0, 0, "variable", $"Product {parentSku}", parentSku, "publish", "", "", "", false, null, []));
        var variations = variationSkus.Distinct(StringComparer.Ordinal)
            .Select(sku => Existing(sku) ?? Created(new WooProduct(0, parent.Id, "variation", $"Product {parentSku} {sku}", sku, "publish", "10.00", "", "", true, 0, [])))
            .ToList();
        return (parent, variations);
    }

    /// <summary>Deletes a product (and its variations) behind the connector's back, as a merchant would in wp-admin.</summary>
    public bool DeleteProduct(int productId) => store.Delete(productId, p => !p.IsVariation) is not null;

    /// <summary>
    /// The next <paramref name="count"/> authenticated API requests fail with <paramref name="status"/>: 5xx as
    /// WordPress answers a fatal error, 429/503 as a host or WAF would, with Retry-After when <paramref name="retryAfter"/> is set.
    /// </summary>
    public void FailNext(int count, int status = 500, TimeSpan? retryAfter = null) => faults.FailNext(count, status, retryAfter);

    /// <summary>Every API request waits this long before it is answered; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public void Delay(TimeSpan delay) => faults.Delay = delay;

    public void ClearRequests() => requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private WooProduct? Existing(string sku) => store.BySkus([sku]).FirstOrDefault();

    private WooProduct Created(WooProduct draft) =>
        store.Create(draft).Created ?? throw new InvalidOperationException($"Seeding SKU '{draft.Sku}' conflicted with an existing item.");
}
