using ErpBridge.Sandboxes.BigCommerce;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Sandboxes.ShipStation;

/// <summary>
/// A ShipStation v1 account on a real Kestrel server: the calls a shipping channel makes (create/update orders by
/// orderKey, read orders and labels), with ShipStation's Basic auth, rate-limit headers and error bodies. A warehouse's
/// work (buying a label) and faults are reachable from code (tests) and under <c>/_sandbox/</c> (the demo).
/// </summary>
public sealed class ShipStationSandbox : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ShipStationAccount account;
    private readonly FixedWindowRateLimit rateLimit;
    private readonly SandboxFaults faults = new();
    private readonly RequestLog requests;

    private ShipStationSandbox(WebApplication app, ShipStationSandboxOptions options)
    {
        this.app = app;
        Options = options;
        account = new ShipStationAccount(options.TimeProvider);
        rateLimit = new FixedWindowRateLimit(options.TimeProvider, options.RateLimitEnabled, options.RateLimitQuota, options.RateLimitWindow);
        requests = new RequestLog(options.MaxLoggedRequests);
    }

    public ShipStationSandboxOptions Options { get; }

    /// <summary>The API root, ending in '/' (a channel's BaseUrl).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The API requests received (authenticated, within the rate limit), oldest first.</summary>
    public IReadOnlyList<SandboxRequest> Requests => requests.Snapshot();

    /// <summary>Requests refused with 429 because the minute's quota was used up.</summary>
    public long RateLimitedCount => rateLimit.Refused;

    public static async Task<ShipStationSandbox> StartAsync(ShipStationSandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiSecret);

        var app = SandboxApplication.CreateBuilder(options.Url).Build();
        var sandbox = new ShipStationSandbox(app, options);
        var api = new ShipStationApi(options, sandbox.account, sandbox.rateLimit, sandbox.faults, sandbox.requests);
        app.Run(context =>
        {
            var path = (context.Request.Path.Value ?? "").TrimStart('/');
            return path.StartsWith("_sandbox/", StringComparison.Ordinal)
                ? sandbox.AdminAsync(context, path["_sandbox/".Length..])
                : api.HandleAsync(context, path);
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return sandbox;
    }

    /// <summary>The orders as ShipStation returns them, and the labels bought.</summary>
    public ShipStationSandboxState State() => account.Snapshot();

    /// <summary>Buys a label for the order with this orderKey (every line, or the SKUs and quantities given), as a warehouse would.</summary>
    public ShipStationShipment CreateLabel(string orderKey, string trackingNumber, string carrierCode = "ups", string serviceCode = "ups_ground", IReadOnlyList<(string Sku, int Quantity)>? lines = null) =>
        account.CreateLabel(orderKey, carrierCode, serviceCode, trackingNumber, lines);

    /// <summary>The next <paramref name="count"/> API requests fail with <paramref name="status"/>.</summary>
    public void FailNext(int count, int status = 500) => faults.FailNext(count, status);

    public void ConfigureRateLimit(bool enabled, int? quota = null, TimeSpan? window = null) => rateLimit.Configure(enabled, quota, window);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>
    /// <c>GET _sandbox/state</c>; <c>POST _sandbox/labels?orderKey=&amp;trackingNumber=[&amp;carrierCode=]</c> buys a label;
    /// <c>POST _sandbox/faults?count=&amp;status=</c> fails the next API requests.
    /// </summary>
    private Task AdminAsync(HttpContext context, string path)
    {
        var query = context.Request.Query;
        switch (path)
        {
            case "state" when HttpMethods.IsGet(context.Request.Method):
                var state = State();
                return ShipStationApi.Json(context, 200, new System.Text.Json.Nodes.JsonObject
                {
                    ["orders"] = new System.Text.Json.Nodes.JsonArray([.. state.Orders]),
                    ["shipments"] = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(state.Shipments)),
                });
            case "labels" when HttpMethods.IsPost(context.Request.Method):
                try
                {
                    var label = CreateLabel(query["orderKey"].ToString(), query["trackingNumber"].ToString(), query["carrierCode"].ToString() is { Length: > 0 } c ? c : "ups");
                    return ShipStationApi.Json(context, 200, System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(label))!);
                }
                catch (ArgumentException ex)
                {
                    return ShipStationApi.Message(context, 404, ex.Message);
                }

            case "faults" when HttpMethods.IsPost(context.Request.Method):
                FailNext(int.TryParse(query["count"], out var count) ? count : 1, int.TryParse(query["status"], out var status) ? status : 500);
                return ShipStationApi.Message(context, 200, "ok");
            default:
                return ShipStationApi.Message(context, 404, $"unknown sandbox endpoint '{path}'");
        }
    }
}
