using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// A Magento 2 / Adobe Commerce installation on a real Kestrel server: the admin REST calls the connector makes
/// (<c>/rest/{default|all}/V1/...</c>), with Magento's admin-token and OAuth 1.0a integration auth, upsert-by-SKU
/// product saves, MSI source items and Magento's error bodies. State, faults and seeding are reachable from code
/// (tests) and over HTTP under <c>/_sandbox/</c> (the demo).
/// </summary>
public sealed class MagentoSandbox : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly MagentoStore store;
    private readonly MagentoOrderBook orders;
    private readonly MagentoAuthenticator auth;
    private readonly MagentoFaults faults = new();
    private readonly MagentoRequestLog requests;
    private int demoOrdersPlaced;

    private MagentoSandbox(WebApplication app, MagentoSandboxOptions options)
    {
        this.app = app;
        Options = options;
        store = new MagentoStore(options.SourceCodes, options.TimeProvider);
        orders = new MagentoOrderBook(options.TimeProvider);
        auth = new MagentoAuthenticator(options);
        requests = new MagentoRequestLog(options.MaxLoggedRequests);
    }

    public MagentoSandboxOptions Options { get; }

    /// <summary>The server root, ending in '/'; the API is at <c>rest/default/V1/</c> below it.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The authenticated API requests received, oldest first.</summary>
    public IReadOnlyList<MagentoRequest> Requests => requests.Snapshot();

    /// <summary>The authenticated write requests received (POST/PUT), oldest first.</summary>
    public IReadOnlyList<MagentoRequest> WriteRequests => requests.Snapshot().Where(r => r.IsWrite).ToList();

    /// <summary>How many authenticated API requests were received in all, including those dropped from <see cref="Requests"/>.</summary>
    public long RequestCount => requests.Total;

    public static async Task<MagentoSandbox> StartAsync(MagentoSandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConsumerKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConsumerSecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.IntegrationAccessToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.IntegrationAccessTokenSecret);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.AdminTokenLifetime, TimeSpan.Zero);

        var builder = SandboxApplication.CreateBuilder(options.Url);
        var app = builder.Build();
        var sandbox = new MagentoSandbox(app, options);
        var api = new MagentoApi(options, sandbox.store, new MagentoSalesApi(sandbox.orders, options.MaxPageSize), sandbox.auth, sandbox.faults, sandbox.requests);
        var admin = new MagentoAdminEndpoints(sandbox);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path.StartsWith("/rest/", StringComparison.Ordinal))
            {
                return api.HandleAsync(context, path["/rest/".Length..]);
            }

            return path.StartsWith("/_sandbox/", StringComparison.Ordinal)
                ? admin.HandleAsync(context, path["/_sandbox/".Length..])
                : MagentoJson.WriteError(context, MagentoError.RouteNotFound());
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return sandbox;
    }

    /// <summary>A copy of products, sources and source items, and of orders and shipments (each part consistent in itself).</summary>
    public MagentoSandboxState State()
    {
        var (placed, shipments) = orders.Snapshot();
        return store.Snapshot() with { Orders = placed, Shipments = shipments };
    }

    /// <summary>
    /// Places an order with increment id <paramref name="orderNumber"/> (the shop's order number) for these lines, nothing
    /// shipped yet, at the products' prices, and creates the products it names that do not exist; returns the order with
    /// its entity and item ids. An order number that exists already returns that order unchanged.
    /// </summary>
    public MagentoOrder SeedOrder(string orderNumber, IEnumerable<(string Sku, int Quantity)> lines)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToList();
        if (list.Count == 0 || list.Any(l => string.IsNullOrWhiteSpace(l.Sku) || l.Quantity <= 0))
        {
            throw new ArgumentException("An order needs at least one line, each with a SKU and a positive quantity.", nameof(lines));
        }

        var products = SeedProducts(list.Select(l => l.Sku));
        return SeedOrder(new MagentoOrderSeed(orderNumber, list.Select(l =>
        {
            var product = products.First(p => string.Equals(p.Sku, l.Sku, StringComparison.OrdinalIgnoreCase));
            return new MagentoOrderLineSeed(l.Sku, l.Quantity, product.Price ?? 0m) { Name = product.Name };
        }).ToList()));
    }

    /// <summary>
    /// Places an order as <paramref name="seed"/> describes it (customer, addresses, prices, tax, discount, state),
    /// created and updated now by the sandbox's clock, and creates the products it names that do not exist. An order
    /// number that exists already returns that order unchanged.
    /// </summary>
    public MagentoOrder SeedOrder(MagentoOrderSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentException.ThrowIfNullOrWhiteSpace(seed.IncrementId);
        if (seed.Lines.Count == 0 || seed.Lines.Any(l => string.IsNullOrWhiteSpace(l.Sku) || l.Quantity <= 0 || l.Price < 0 || l.Discount < 0))
        {
            throw new ArgumentException("An order needs at least one line, each with a SKU, a positive quantity and no negative amounts.", nameof(seed));
        }

        SeedProducts(seed.Lines.Select(l => l.Sku));
        return orders.Place(seed);
    }

    /// <summary>
    /// Moves the order with that increment id to a Magento <paramref name="state"/> (new, pending_payment, processing,
    /// holded, complete, closed, canceled) and <paramref name="status"/> (the state's default when null), and bumps
    /// its updated_at to now. Closing refunds what was paid. Throws when there is no such order.
    /// </summary>
    public MagentoOrder UpdateOrder(string incrementId, string state, string? status = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incrementId);
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        return orders.Update(incrementId, state, status) ?? throw new KeyNotFoundException($"No order with increment id '{incrementId}'.");
    }

    /// <summary>Cancels the order with that increment id (state and status canceled) and bumps its updated_at to now.</summary>
    public MagentoOrder CancelOrder(string incrementId) => UpdateOrder(incrementId, "canceled");

    /// <summary>
    /// Creates a simple product (name "Product {sku}", price 10) per SKU not yet in the catalog; returns the products
    /// now holding those SKUs. The first call that names SKUs also places the demo orders (see
    /// <see cref="MagentoSandboxOptions.DemoOrders"/>) with them, so that a freshly started demo has orders to poll.
    /// </summary>
    public IReadOnlyList<MagentoProduct> Seed(IEnumerable<string> skus)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var seeded = SeedProducts(skus);
        if (Options.DemoOrders && seeded.Count > 0 && Interlocked.Exchange(ref demoOrdersPlaced, 1) == 0)
        {
            foreach (var demo in MagentoDemoOrders.For(seeded.Select(p => p.Sku).ToList()))
            {
                orders.Place(demo);
            }
        }

        return seeded;
    }

    private List<MagentoProduct> SeedProducts(IEnumerable<string> skus)
    {
        var seeded = new List<MagentoProduct>();
        foreach (var sku in skus.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var (product, error) = store.Product(sku) is { } existing
                ? (existing, null)
                : store.Save(new ProductInput(sku, $"Product {sku}", MagentoStore.DefaultAttributeSet, 10m, 1, 4, "simple", 1m, new Dictionary<string, string>()));
            seeded.Add(product ?? throw new InvalidOperationException($"Seeding SKU '{sku}' failed: {error!.Message}"));
        }

        return seeded;
    }

    /// <summary>Adds MSI sources (the demo's location codes) that do not exist yet.</summary>
    public void AddSources(IEnumerable<string> sourceCodes)
    {
        ArgumentNullException.ThrowIfNull(sourceCodes);
        foreach (var code in sourceCodes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(code);
            store.AddSource(code);
        }
    }

    /// <summary>An admin bearer token, as <c>POST /V1/integration/admin/token</c> would issue it.</summary>
    public string IssueAdminToken() => auth.IssueAdminToken(Options.AdminUsername, Options.AdminPassword)!;

    /// <summary>
    /// The next <paramref name="count"/> authenticated API requests fail with <paramref name="status"/> (e.g. 429 or 503
    /// from a proxy in front of Magento, or 500), with a Retry-After header when <paramref name="retryAfter"/> is given.
    /// </summary>
    public void FailNext(int count, int status = 500, TimeSpan? retryAfter = null) => faults.FailNext(count, status, retryAfter);

    /// <summary>
    /// At most <paramref name="requests"/> authenticated API requests per fixed <paramref name="window"/>, as a proxy or
    /// CDN in front of Magento may enforce (Magento core has none); beyond it 429 with Retry-After until the window
    /// resets. 0 turns the limit off.
    /// </summary>
    public void RateLimit(int requests, TimeSpan window) => faults.RateLimit(requests, window);

    /// <summary>
    /// Sets the quantity of each SKU at each location (an MSI source code) in one go: status 1 above 0, else 0, as the
    /// Inventory map sends it. Products ("Product {sku}", price 10) and sources that do not exist are created. Fast
    /// enough for a catalog of 100,000 SKUs; places no demo orders. Returns how many levels were set.
    /// </summary>
    public int SetStock(IEnumerable<(string Sku, string Location, long Quantity)> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var list = levels.Select(l => (l.Sku, l.Location, (decimal)l.Quantity)).ToList();
        if (list.Any(l => string.IsNullOrWhiteSpace(l.Sku) || string.IsNullOrWhiteSpace(l.Location)))
        {
            throw new ArgumentException("Every level needs a SKU and a location (source code); nothing was set.", nameof(levels));
        }

        return store.SetStock(list);
    }

    /// <summary>Every API request waits this long before it is answered; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public void Delay(TimeSpan delay) => faults.Delay = delay;

    public void ClearRequests() => requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
