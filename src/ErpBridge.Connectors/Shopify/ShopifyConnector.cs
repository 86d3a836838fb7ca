using System.Text;
using System.Text.Json;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// Executes request plans on one Shopify shop through the GraphQL Admin API: resolves every reference first
/// (batched, cached), fills the bodies, then sends the calls in order, paced to the shop's cost bucket. Also reads
/// the shop's changed orders for the order poller, through the same client, token and pacing.
/// </summary>
public sealed class ShopifyConnector : IChannelConnector, IOrderSource, IStockReader
{
    /// <summary>The most orders one <see cref="ReadOrdersAsync"/> page holds (bound by Shopify's single-query cost limit, not by its 250 per page).</summary>
    public const int MaxOrdersPerPage = ShopifyOrderReader.MaxPageSize;

    private const string MaskedToken = "********";

    private readonly HttpClient http;
    private readonly ShopifyHttpSender sender;
    private readonly ShopifyIdResolver resolver;
    private readonly ShopifyOrderReader orderReader;
    private readonly ShopifyStockReader stockReader;
    private readonly Uri apiRoot;

    internal ShopifyConnector(string channel, ChannelOptions options, ShopifyConnectorSettings settings, ILogger logger)
    {
        Channel = channel;
        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            throw new ArgumentException($"Shopify channel '{channel}' has no AccessToken.", nameof(options));
        }

        if (!Uri.TryCreate(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/", UriKind.Absolute, out var baseUrl))
        {
            throw new ArgumentException($"Shopify channel '{channel}' has no valid BaseUrl ('{options.BaseUrl}').", nameof(options));
        }

        ApiVersion = string.IsNullOrWhiteSpace(options.ApiVersion) ? ShopifyConnectorSettings.DefaultApiVersion : options.ApiVersion;
        apiRoot = new Uri(baseUrl, $"admin/api/{ApiVersion}/");
        http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = settings.ConnectTimeout,
            MaxConnectionsPerServer = settings.MaxConnectionsPerServer,
        })
        {
            // The per-call timeout is applied by the sender, which tells a timeout apart from the caller cancelling.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var pacer = new ShopifyCostPacer(settings.TimeProvider, settings.MaxPacingWait);
        sender = new ShopifyHttpSender(channel, http, options.AccessToken, pacer, settings, logger);
        resolver = new ShopifyIdResolver(channel, options, new ShopifyIdCache(settings), QueryAsync);
        orderReader = new ShopifyOrderReader(channel, OrdersQueryAsync);
        stockReader = new ShopifyStockReader(channel, options, http, settings, logger, StockQueryAsync);
    }

    public string Channel { get; }

    public string Platform => ShopifyConnectorFactory.PlatformName;

    public string ApiVersion { get; }

    public async Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (calls, failure) = await PrepareCallsAsync(plan, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var sent = 0;
        foreach (var call in calls)
        {
            if (call.SkipReason is not null)
            {
                continue;
            }

            if (call.Unresolved is not null)
            {
                return new DeliveryOutcome.PermanentFailure(call.Unresolved);
            }

            var result = await sender.SendAsync(call.Call.Id, new HttpMethod(call.Call.Method), call.Url, call.Call.Headers, call.Body, cancellationToken).ConfigureAwait(false);
            if (result.Failure is not null)
            {
                return sent == 0 ? result.Failure : WithProgress(result.Failure, sent, calls.Count);
            }

            sent++;
            try
            {
                Harvest(call.Call.Id, result.Data, ids);
            }
            catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException)
            {
                // The change was made; an answer of another shape only means fewer ids to report.
            }
        }

        return new DeliveryOutcome.Delivered(ids, $"{sent} of {calls.Count} calls sent to Shopify channel '{Channel}'");
    }

    public async Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (calls, failure) = await PrepareCallsAsync(plan, cancellationToken).ConfigureAwait(false);
        return plan.Calls.Select((call, i) =>
        {
            var prepared = failure is null ? calls[i] : null;
            var url = prepared?.Url ?? new Uri(apiRoot, call.Path);
            var skip = failure is not null ? $"not sent: references could not be resolved ({failure.Describe()})"
                : prepared!.Unresolved is not null ? $"not sent: {prepared.Unresolved}"
                : prepared.SkipReason;
            var headers = new List<KeyValuePair<string, string>> { new(ShopifyHttpSender.TokenHeader, MaskedToken), new("Content-Type", "application/json") };
            headers.AddRange(call.Headers);
            return new PreparedCall(call.Id, call.Method, url, headers, prepared?.Body is { } body ? Encoding.UTF8.GetString(body) : null, skip);
        }).ToList();
    }

    /// <summary>
    /// A page of the orders updated at or after <see cref="OrderQuery.ChangedSince"/> (to the second), oldest change
    /// first; at most <see cref="MaxOrdersPerPage"/> orders, whatever larger size is asked for.
    /// </summary>
    public Task<OrderReadResult> ReadOrdersAsync(OrderQuery query, CancellationToken cancellationToken) => orderReader.ReadAsync(query, cancellationToken);

    /// <summary>The most stock levels one <see cref="ReadStockAsync"/> page holds.</summary>
    public const int MaxStockLevelsPerPage = ShopifyStockReader.MaxPageSize;

    /// <summary>
    /// A page of the shop's stock, read through one bulk query whose JSONL result is streamed: the first call starts
    /// it and returns an empty page to retry after; later pages hold up to <see cref="MaxStockLevelsPerPage"/> levels.
    /// Locations come back as the ERP codes delivery maps (the channel's Locations read backwards, else the name).
    /// </summary>
    public Task<StockReadResult> ReadStockAsync(StockQuery query, CancellationToken cancellationToken) => stockReader.ReadAsync(query, cancellationToken);

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<(List<ShopifyPreparedCall> Calls, DeliveryOutcome? Failure)> PrepareCallsAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        var wanted = new List<(string Kind, string Key)>();
        foreach (var call in plan.Calls)
        {
            if (call.Body is not null)
            {
                wanted.AddRange(PlanReference.Collect(call.Body).Select(r => (r.Kind, r.Key)));
            }

            if (call.Condition is { } condition)
            {
                wanted.Add((condition.Kind, condition.Key));
            }

            wanted.AddRange(call.PathParameters.Select(p => (p.Kind, p.Key)));
        }

        foreach (var call in plan.Calls)
        {
            var required = call.PathParameters.Select(p => (p.Kind, p.Key));
            if (call.Body is not null)
            {
                required = required.Concat(PlanReference.Collect(call.Body).Where(r => r.Missing == MissingReference.Fail).Select(r => (r.Kind, r.Key)));
            }

            foreach (var (kind, key) in required)
            {
                resolver.ForgetMissing(kind, key);
            }
        }

        if (await resolver.LoadAsync(wanted, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            return ([], failure);
        }

        return (plan.Calls.Select(Prepare).ToList(), null);
    }

    private ShopifyPreparedCall Prepare(PlanCall call)
    {
        var path = call.Path;
        foreach (var parameter in call.PathParameters)
        {
            var id = resolver.Find(parameter.Kind, parameter.Key);
            if (id is null)
            {
                return new ShopifyPreparedCall(call, new Uri(apiRoot, call.Path), null, null, resolver.Describe(parameter.Kind, parameter.Key));
            }

            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        }

        if (call.Query.Count > 0)
        {
            path += "?" + string.Join('&', call.Query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        }

        var url = new Uri(apiRoot, path);
        if (call.Condition is { } condition && (resolver.Find(condition.Kind, condition.Key) is not null) != condition.Found)
        {
            return new ShopifyPreparedCall(call, url, null, $"skipped: {condition.Kind} '{condition.Key}' is {(condition.Found ? "missing" : "found")} (call runs if {(condition.Found ? "found" : "missing")})", null);
        }

        if (call.Body is null)
        {
            return new ShopifyPreparedCall(call, url, null, null, null);
        }

        var (body, unresolved) = PlanReference.Apply(call.Body, r => resolver.Find(r.Kind, r.Key));
        return unresolved is not null
            ? new ShopifyPreparedCall(call, url, null, null, resolver.Describe(unresolved.Kind, unresolved.Key))
            : new ShopifyPreparedCall(call, url, JsonXml.ToJsonUtf8(ShopifyFulfillmentGroups.Merge(body!)), null, null);
    }

    private Task<ShopifyCallResult> QueryAsync(string document, object variables, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = document, variables });
        return sender.SendAsync("lookup", HttpMethod.Post, new Uri(apiRoot, "graphql.json"), [], body, cancellationToken);
    }

    private Task<ShopifyCallResult> OrdersQueryAsync(string document, object variables, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = document, variables });
        return sender.SendAsync("orders", HttpMethod.Post, new Uri(apiRoot, "graphql.json"), [], body, cancellationToken);
    }

    private Task<ShopifyCallResult> StockQueryAsync(string document, object variables, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = document, variables });
        return sender.SendAsync("stock", HttpMethod.Post, new Uri(apiRoot, "graphql.json"), [], body, cancellationToken);
    }

    /// <summary>Collects the ids a mutation returned ("product:SKU" → GID, ...) and teaches the resolver about new products.</summary>
    private void Harvest(string callId, JsonElement data, Dictionary<string, string> ids)
    {
        foreach (var field in data.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object))
        {
            if (field.Value.TryGetProperty("inventoryAdjustmentGroup", out var group) && group.ValueKind == JsonValueKind.Object && group.TryGetProperty("id", out var groupId))
            {
                ids[$"inventory-adjustment-group:{callId}"] = groupId.GetString()!;
            }

            if (field.Value.TryGetProperty("fulfillment", out var fulfillment) && fulfillment.ValueKind == JsonValueKind.Object && fulfillment.TryGetProperty("id", out var fulfillmentId))
            {
                ids[$"fulfillment:{callId}"] = fulfillmentId.GetString()!;
            }

            if (!field.Value.TryGetProperty("product", out var product) || product.ValueKind != JsonValueKind.Object || !product.TryGetProperty("id", out var productId))
            {
                continue;
            }

            ids[$"product:{callId}"] = productId.GetString()!;
            if (!product.TryGetProperty("variants", out var variants) || !variants.TryGetProperty("nodes", out var nodes))
            {
                continue;
            }

            foreach (var variant in nodes.EnumerateArray())
            {
                if (variant.TryGetProperty("sku", out var skuValue) && skuValue.GetString() is { Length: > 0 } sku)
                {
                    var variantId = variant.TryGetProperty("id", out var v) ? v.GetString() : null;
                    var itemId = variant.TryGetProperty("inventoryItem", out var item) && item.ValueKind == JsonValueKind.Object ? item.GetProperty("id").GetString() : null;
                    resolver.Learn(sku, productId.GetString(), variantId, itemId);
                    ids[$"product:{sku}"] = productId.GetString()!;
                    AddIf(ids, $"variant:{sku}", variantId);
                    AddIf(ids, $"inventory-item:{sku}", itemId);
                }
            }
        }
    }

    private static void AddIf(Dictionary<string, string> ids, string key, string? value)
    {
        if (value is not null)
        {
            ids[key] = value;
        }
    }

    private static DeliveryOutcome WithProgress(DeliveryOutcome failure, int sent, int total) => failure switch
    {
        DeliveryOutcome.TransientFailure t => t with { Reason = $"{t.Reason} (after {sent} of {total} calls succeeded)" },
        DeliveryOutcome.PermanentFailure p => p with { Reason = $"{p.Reason} (after {sent} of {total} calls succeeded)" },
        _ => failure,
    };
}
