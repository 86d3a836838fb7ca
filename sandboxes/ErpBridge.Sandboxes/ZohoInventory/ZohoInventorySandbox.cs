using System.Text.Json;
using System.Text.Json.Nodes;
using ErpBridge.Sandboxes.BigCommerce;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Sandboxes.ZohoInventory;

/// <summary>
/// A Zoho Inventory organisation and its accounts server on a real Kestrel server: the OAuth refresh-token grant, and
/// the items, locations and inventory adjustments calls the connector makes, with Zoho's envelope, error codes and
/// limits (per minute and per day). State, faults and seeding are reachable from code (tests) and over HTTP under
/// <c>/_sandbox/</c> (<c>GET state</c>, <c>GET requests</c>, <c>POST faults</c>): the demo's window into it.
/// </summary>
public sealed class ZohoInventorySandbox : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ZohoInventoryStore store;
    private readonly SandboxFaults faults = new();
    private readonly ZohoSandboxRequestLog requests;
    private readonly ZohoInventoryApi api;

    private ZohoInventorySandbox(WebApplication app, ZohoInventorySandboxOptions options)
    {
        this.app = app;
        Options = options;
        store = new ZohoInventoryStore(options.Locations);
        requests = new ZohoSandboxRequestLog(options.MaxLoggedRequests);
        api = new ZohoInventoryApi(options, store, faults, requests);
    }

    public ZohoInventorySandboxOptions Options { get; }

    /// <summary>The server's root, ending in '/': the accounts server is here, the API at <see cref="ApiAddress"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What a channel's BaseUrl is: <c>{BaseAddress}inventory/v1/</c>.</summary>
    public Uri ApiAddress => new(BaseAddress, "inventory/v1/");

    /// <summary>Requests received (token requests included), oldest first.</summary>
    public IReadOnlyList<ZohoSandboxRequest> Requests => requests.Snapshot();

    /// <summary>The API's write requests (POST/PUT), oldest first; token requests are not among them.</summary>
    public IReadOnlyList<ZohoSandboxRequest> WriteRequests => requests.Snapshot().Where(r => r.IsWrite && r.Path != "oauth/v2/token").ToList();

    public IReadOnlyList<ZohoSandboxItem> Items => store.Items();

    /// <summary>Inventory adjustments made, newest first.</summary>
    public IReadOnlyList<ZohoSandboxAdjustment> Adjustments => store.Adjustments();

    /// <summary>Access tokens issued by the accounts endpoint.</summary>
    public int TokensIssued => api.TokensIssued;

    /// <summary>API requests counted against today's limit.</summary>
    public int UsedToday => api.UsedToday;

    public static async Task<ZohoInventorySandbox> StartAsync(ZohoInventorySandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.RefreshToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OrganizationId);
        if (options.Locations.Count == 0)
        {
            throw new ArgumentException("Zoho Inventory needs at least one location.", nameof(options));
        }

        var app = SandboxApplication.CreateBuilder(options.Url).Build();
        var sandbox = new ZohoInventorySandbox(app, options);
        app.Run(context =>
        {
            var path = (context.Request.Path.Value ?? "").TrimStart('/');
            return path.StartsWith("_sandbox/", StringComparison.Ordinal)
                ? sandbox.AdminAsync(context, path["_sandbox/".Length..])
                : sandbox.api.HandleAsync(context, path);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return sandbox;
    }

    /// <summary>An item per SKU not yet in the organisation, with no stock.</summary>
    public void Seed(IEnumerable<string> skus) => store.Seed(skus);

    /// <summary>Sets a SKU's stock on hand at a location (by name), creating the item when missing: a stock count made in Zoho.</summary>
    public void SetStock(string sku, string location, decimal quantity) => store.SetStock(sku, location, quantity);

    /// <summary>Deletes the item with the SKU behind the connector's back, as a user would in Zoho.</summary>
    public bool DeleteItem(string sku) => store.Delete(sku);

    public ZohoSandboxItem? Item(string sku) => store.BySku(sku);

    /// <summary>The stock on hand of a SKU at a location (by name); null when there is no such item.</summary>
    public decimal? StockOf(string sku, string location) =>
        store.BySku(sku) is { } item && store.LocationId(location) is { } id ? item.StockAt(id) : null;

    /// <summary>The next <paramref name="count"/> API requests fail with <paramref name="status"/>.</summary>
    public void FailNext(int count, int status = 500) => faults.FailNext(count, status);

    /// <summary>The next <paramref name="count"/> API requests answer 200 with a <c>code</c> other than 0.</summary>
    public void FailNextWithCode(int count, int code, string message) => api.FailNextWithCode(count, code, message);

    /// <summary>The next <paramref name="count"/> API writes are carried out but their answers are lost (connection cut).</summary>
    public void LoseNextAnswers(int count) => api.LoseNextAnswers(count);

    /// <summary>Every API request waits this long.</summary>
    public void Delay(TimeSpan delay) => faults.Delay = delay;

    /// <summary>Revokes every access token issued: the next API request is refused with 401 until a new one is obtained.</summary>
    public void RevokeTokens() => api.RevokeTokens();

    public void RateLimit(bool enabled) => api.RateLimitEnabled = enabled;

    public void ClearRequests() => requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AdminAsync(HttpContext context, string path)
    {
        JsonNode answer;
        switch (context.Request.Method, path)
        {
            case ("GET", "state"):
                answer = new JsonObject
                {
                    ["items"] = new JsonArray(store.Items().Select(i => (JsonNode)new JsonObject
                    {
                        ["item_id"] = i.ItemId,
                        ["sku"] = i.Sku,
                        ["name"] = i.Name,
                        ["status"] = i.Status,
                        ["stock"] = new JsonObject(store.Locations.Select(l => KeyValuePair.Create(l.Name, (JsonNode?)i.StockAt(l.Id)))),
                    }).ToArray()),
                    ["adjustments"] = store.Adjustments().Count,
                    ["tokens_issued"] = TokensIssued,
                    ["used_today"] = UsedToday,
                };
                break;
            case ("GET", "requests"):
                context.Response.ContentType = "application/json";
                await using (var json = new Utf8JsonWriter(context.Response.Body))
                {
                    LoggedRequestsJson.Write(json, requests.Total, requests.Snapshot().Select(r => new LoggedRequest(r.ReceivedAt, r.Method, r.Path, r.Query, r.Body, r.Status)));
                }

                return;
            case ("POST", "faults"):
                var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? [];
                FailNext((int?)body["fail_next"] ?? 0, (int?)body["status"] ?? 500);
                LoseNextAnswers((int?)body["lose_next"] ?? 0);
                Delay(TimeSpan.FromMilliseconds((int?)body["delay_ms"] ?? 0));
                if ((bool?)body["revoke_tokens"] == true)
                {
                    RevokeTokens();
                }

                answer = new JsonObject { ["ok"] = true };
                break;
            default:
                context.Response.StatusCode = 404;
                answer = new JsonObject { ["error"] = "Unknown sandbox endpoint" };
                break;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }
}
