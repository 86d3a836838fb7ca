using System.Text.Json;
using ErpBridge.Sandboxes.BigCommerce;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>
/// A cart connected to API2Cart, on a real Kestrel server: the methods the connector calls (<c>product.list</c>,
/// <c>product.add</c>, <c>product.update</c>, <c>order.list</c>, <c>order.info</c>, <c>order.shipment.list</c>,
/// <c>order.shipment.add</c>) under <c>/v1.1/</c>, with API2Cart's two keys, envelope and return codes, start/count
/// paging (count at most 250), idempotency_key replay for 15 minutes and the 5-calls-per-store concurrency limit.
/// State and faults are reachable from code (tests) and over HTTP under <c>/_sandbox/</c> (state, requests).
/// </summary>
public sealed class Api2CartSandbox : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Api2CartStore store;
    private readonly Api2CartIdempotency idempotency;
    private readonly SandboxFaults faults = new();
    private readonly RequestLog requests;

    private Api2CartSandbox(WebApplication app, Api2CartSandboxOptions options)
    {
        this.app = app;
        Options = options;
        store = new Api2CartStore(options);
        idempotency = new Api2CartIdempotency(options.TimeProvider, options.IdempotencyWindow);
        requests = new RequestLog(options.MaxLoggedRequests);
        if (options.DemoOrders && options.DemoOrderSkus.Count > 0)
        {
            var skus = options.DemoOrderSkus;
            store.SeedOrder("5001", [(skus[0], "Demo desk organizer", 24.50m, 2, 3.92m), (skus[^1], "Demo office chair", 120m, 1, 9.90m)], "Processing", 9.95m, paid: true, at: null);
            store.SeedOrder("5002", [(skus[0], "Demo desk organizer", 24.50m, 1, 1.96m)], "Pending", 4.95m, paid: false, at: null);
        }
    }

    public Api2CartSandboxOptions Options { get; }

    /// <summary>The server's root, ending in '/'; the API is at <see cref="ApiRoot"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What a channel's BaseUrl is set to: <c>{BaseAddress}v1.1/</c>, as <c>https://api.api2cart.com/v1.1/</c>.</summary>
    public Uri ApiRoot => new(BaseAddress, "v1.1/");

    /// <summary>The API requests received, oldest first (the method, e.g. <c>product.update.json</c>, as Path).</summary>
    public IReadOnlyList<SandboxRequest> Requests => requests.Snapshot();

    /// <summary>The write requests received (PUT/POST), oldest first.</summary>
    public IReadOnlyList<SandboxRequest> WriteRequests => requests.Snapshot().Where(r => r.IsWrite).ToList();

    public long RequestCount => requests.Total;

    /// <summary>Requests answered from the idempotency cache instead of running again.</summary>
    public long ReplayedCount => idempotency.Replayed;

    public static async Task<Api2CartSandbox> StartAsync(Api2CartSandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.StoreKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentRequests, 1);

        var app = SandboxApplication.CreateBuilder(options.Url).Build();
        var sandbox = new Api2CartSandbox(app, options);
        var api = new Api2CartApi(options, sandbox.store, sandbox.idempotency, sandbox.faults, sandbox.requests);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path.StartsWith("/v1.1/", StringComparison.Ordinal))
            {
                return api.HandleAsync(context, path["/v1.1/".Length..]);
            }

            return path switch
            {
                "/_sandbox/state" => sandbox.WriteStateAsync(context),
                "/_sandbox/requests" => sandbox.WriteRequestsAsync(context),
                _ => NotFound(context),
            };
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return sandbox;
    }

    public Api2CartSandboxState State() => store.Snapshot();

    /// <summary>Creates one product (quantity 0, price 10) per SKU the cart does not have yet; returns the products with those SKUs.</summary>
    public IReadOnlyList<Api2CartProduct> Seed(IEnumerable<string> skus)
    {
        ArgumentNullException.ThrowIfNull(skus);
        return store.Seed([.. skus.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Sets quantities by SKU and warehouse (null: the product's own quantity), creating products for unknown SKUs.</summary>
    public void SetStock(IEnumerable<(string Sku, string? Warehouse, decimal Quantity)> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        store.SetStock(levels);
    }

    /// <summary>Deletes the product with this SKU behind the connector's back, as a merchant would.</summary>
    public bool DeleteProduct(string sku) => store.Delete(sku);

    /// <summary>
    /// Creates (or replaces) the order with store order number <paramref name="orderId"/>: one line per (SKU, quantity)
    /// at 10.00 without tax, shipping 5.00, status Processing, paid; created and modified now on the sandbox's clock.
    /// </summary>
    public Api2CartOrder SeedOrder(string orderId, IEnumerable<(string Sku, int Quantity)> lines, string status = "Processing", DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return store.SeedOrder(orderId, lines.Select(l => ((string?)l.Sku, $"Item {l.Sku}", 10m, l.Quantity, 0m)), status, 5m, paid: true, at);
    }

    /// <summary>Changes an order's status id (e.g. Canceled) and bumps its modified time; null when there is no such order.</summary>
    public Api2CartOrder? UpdateOrder(string orderId, string status) => store.UpdateOrder(orderId, status);

    /// <summary>
    /// The next <paramref name="count"/> API requests (after the keys) fail: a number of 400 and above as that HTTP status
    /// (a proxy's answer), a smaller one as that API2Cart return code (e.g. 7, 110, 112) in a 200 envelope.
    /// </summary>
    public void FailNext(int count, int statusOrReturnCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusOrReturnCode, 1);
        faults.FailNext(count, statusOrReturnCode >= 400 ? statusOrReturnCode : Api2CartApi.InjectedReturnCode + statusOrReturnCode);
    }

    /// <summary>Every API request waits this long before it is answered; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public void Delay(TimeSpan delay) => faults.Delay = delay;

    public void ClearRequests() => requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = 404;
        return context.Response.WriteAsync("Not found", context.RequestAborted);
    }

    private async Task WriteStateAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, State(), cancellationToken: context.RequestAborted);
    }

    private async Task WriteRequestsAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        LoggedRequestsJson.Write(json, requests.Total, requests.Snapshot().Select(r => new LoggedRequest(r.ReceivedAt, r.Method, r.Path, r.Query, r.Body, r.Status)));
        await json.FlushAsync(context.RequestAborted);
    }
}
