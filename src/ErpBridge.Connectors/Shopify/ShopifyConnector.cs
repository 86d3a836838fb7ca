using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// One Shopify shop as a channel, through the GraphQL Admin API: executes request plans through the shared
/// <see cref="PlanSender{TIds}"/>; this class adds how references are resolved (batched, cached, see
/// <see cref="ShopifyIdResolver"/>), how bodies are filled in, and what GraphQL answers mean and record. Also reads
/// the shop's changed orders and its stock, through the same client, token and cost pacing.
/// </summary>
public sealed class ShopifyConnector : IChannelConnector, IOrderSource, IStockReader, IPlanSteps<ShopifyIdResolver>
{
    /// <summary>The most orders one <see cref="ReadOrdersAsync"/> page holds (bound by Shopify's single-query cost limit, not by its 250 per page).</summary>
    public const int MaxOrdersPerPage = ShopifyOrderReader.MaxPageSize;

    /// <summary>The most stock levels one <see cref="ReadStockAsync"/> page holds.</summary>
    public const int MaxStockLevelsPerPage = ShopifyStockReader.MaxPageSize;

    private readonly ShopifyIdResolver resolver;
    private readonly ShopifyOrderReader orderReader;
    private readonly ShopifyStockReader stockReader;
    private readonly RetryAfterReader waits;
    private readonly ConnectorTransport transport;
    private readonly PlanSender<ShopifyIdResolver> sender;

    internal ShopifyConnector(string channel, ChannelOptions channelOptions, ShopifyConnectorOptions options, IHttpClientFactory clients, ILogger logger)
    {
        Channel = channel;
        if (string.IsNullOrWhiteSpace(channelOptions.AccessToken))
        {
            throw new ArgumentException($"Shopify channel '{channel}' has no AccessToken.", nameof(channelOptions));
        }

        if (!Uri.TryCreate(channelOptions.BaseUrl.EndsWith('/') ? channelOptions.BaseUrl : channelOptions.BaseUrl + "/", UriKind.Absolute, out var baseUrl))
        {
            throw new ArgumentException($"Shopify channel '{channel}' has no valid BaseUrl ('{channelOptions.BaseUrl}').", nameof(channelOptions));
        }

        ApiVersion = string.IsNullOrWhiteSpace(channelOptions.ApiVersion) ? ShopifyConnectorOptions.DefaultApiVersion : channelOptions.ApiVersion;
        transport = ShopifyTransport.Create(clients, channel, channelOptions, new Uri(baseUrl, $"admin/api/{ApiVersion}/"), options, logger);
        waits = new RetryAfterReader(options.TimeProvider, options.MaxRetryAfter);
        resolver = new ShopifyIdResolver(channel, channelOptions, new ShopifyIdCache(options), (document, variables, token) => transport.QueryAsync(waits, document, variables, token));
        orderReader = new ShopifyOrderReader(channel, (document, variables, token) => transport.QueryAsync(waits, document, variables, token));
        stockReader = new ShopifyStockReader(channel, channelOptions, transport, options, waits, logger, (document, variables, token) => transport.QueryAsync(waits, document, variables, token));
        sender = new PlanSender<ShopifyIdResolver>(this, transport);
    }

    public string Channel { get; }

    public string Platform => ShopifyConnectorFactory.PlatformName;

    public string ApiVersion { get; }

    public Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.ExecuteAsync(plan, cancellationToken);

    public Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.PrepareAsync(plan, cancellationToken);

    /// <summary>
    /// A page of the orders updated at or after <see cref="OrderQuery.ChangedSince"/> (to the second), oldest change
    /// first; at most <see cref="MaxOrdersPerPage"/> orders, whatever larger size is asked for.
    /// </summary>
    public Task<OrderReadResult> ReadOrdersAsync(OrderQuery query, CancellationToken cancellationToken) => orderReader.ReadAsync(query, cancellationToken);

    /// <summary>
    /// A page of the shop's stock, read through one bulk query whose JSONL result is streamed: the first call starts
    /// it and returns an empty page to retry after; later pages hold up to <see cref="MaxStockLevelsPerPage"/> levels.
    /// Locations come back as the ERP codes delivery maps (the channel's Locations read backwards, else the name).
    /// </summary>
    public Task<StockReadResult> ReadStockAsync(StockQuery query, CancellationToken cancellationToken) => stockReader.ReadAsync(query, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The resolver holds the channel's cached ids; a plan reads them from it.</summary>
    async Task<(ShopifyIdResolver? Ids, DeliveryOutcome? Failure)> IPlanSteps<ShopifyIdResolver>.ResolveAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        var references = PlanReferences.Of(plan);
        foreach (var reference in references.Required)
        {
            resolver.ForgetMissing(reference.Kind, reference.Key);
        }

        var wanted = references.Wanted.Select(r => (r.Kind, r.Key)).ToList();
        if (await resolver.LoadAsync(wanted, cancellationToken) is { } failure)
        {
            return (null, failure);
        }

        return (resolver, null);
    }

    ShopifyIdResolver IPlanSteps<ShopifyIdResolver>.Copy(ShopifyIdResolver ids) => ids;

    DeliveryOutcome? IPlanSteps<ShopifyIdResolver>.Complete(
        PlanCall call, PlannedRequest request, TransportResponse response, ShopifyIdResolver live, IDictionary<string, string> platformIds)
    {
        var result = ShopifyResponseReader.Read(response, Channel, waits);
        if (result.Throttled)
        {
            transport.CountRateLimited();
        }

        if (result.Failure is not null)
        {
            return result.Failure;
        }

        try
        {
            Harvest(call.Id, result.Data, platformIds);
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException)
        {
            // The change was made; an answer of another shape only means fewer ids to report.
        }

        return null;
    }

    string? IPlanSteps<ShopifyIdResolver>.Unresolvable(PlanReference reference, ShopifyIdResolver live) =>
        live.Find(reference.Kind, reference.Key) is null ? live.Describe(reference.Kind, reference.Key) : null;

    PlannedCall IPlanSteps<ShopifyIdResolver>.Build(PlanCall call, ShopifyIdResolver initial, ShopifyIdResolver live)
    {
        var path = call.Path;
        foreach (var parameter in call.PathParameters)
        {
            var id = resolver.Find(parameter.Kind, parameter.Key);
            if (id is null)
            {
                return PlannedCall.Unresolved(resolver.Describe(parameter.Kind, parameter.Key));
            }

            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        }

        if (call.Query.Count > 0)
        {
            path += "?" + string.Join('&', call.Query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        }

        if (call.Condition is { } condition && (resolver.Find(condition.Kind, condition.Key) is not null) != condition.Found)
        {
            return PlannedCall.Skipped($"skipped: {condition.Kind} '{condition.Key}' is {(condition.Found ? "missing" : "found")} (call runs if {(condition.Found ? "found" : "missing")})");
        }

        if (call.Body is null)
        {
            return PlannedCall.Of(new PlannedRequest(path, null));
        }

        var (body, unresolved) = PlanReference.Apply(call.Body, r => resolver.Find(r.Kind, r.Key));
        return unresolved is not null
            ? PlannedCall.Unresolved(resolver.Describe(unresolved.Kind, unresolved.Key))
            : PlannedCall.Of(new PlannedRequest(path, JsonXml.ToJsonUtf8(ShopifyFulfillmentGroups.Merge(body!))));
    }

    /// <summary>Collects the ids a mutation returned ("product:SKU" → GID, ...) and teaches the resolver about new products.</summary>
    private void Harvest(string callId, JsonElement data, IDictionary<string, string> ids)
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

    private static void AddIf(IDictionary<string, string> ids, string key, string? value)
    {
        if (value is not null)
        {
            ids[key] = value;
        }
    }
}
