using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// One BigCommerce store (<c>{BaseUrl}stores/{StoreHash}/</c>) as a channel: executes request plans through the
/// shared <see cref="PlanSender{TIds}"/> (this class adds how BigCommerce's references are looked up and filled in,
/// and what its answers record), and is the channel's <see cref="IOrderSource"/> and <see cref="IStockReader"/> on the
/// same client, credentials and rate-limit pacing. Outcomes are values; see <see cref="IChannelConnector"/>.
/// </summary>
public sealed class BigCommerceConnector : IChannelConnector, IOrderSource, IStockReader, IPlanSteps<Dictionary<ReferenceKey, string?>>
{
    private readonly ExpiringIdCache<ReferenceKey, string> cache;
    private readonly BigCommerceIdResolver resolver;
    private readonly BigCommerceOrderReader orderReader;
    private readonly BigCommerceStockReader stockReader;
    private readonly PlanSender<Dictionary<ReferenceKey, string?>> sender;

    internal BigCommerceConnector(string channel, ChannelOptions channelOptions, BigCommerceConnectorOptions options, IHttpClientFactory clients, ILogger logger)
    {
        Channel = channel;
        var transport = BigCommerceTransport.Create(clients, channel, channelOptions, options, logger);
        cache = new ExpiringIdCache<ReferenceKey, string>(options.TimeProvider, options.FoundTtl, options.MissingTtl);
        resolver = new BigCommerceIdResolver(transport, cache, channelOptions, options);
        orderReader = new BigCommerceOrderReader(transport, channel);
        stockReader = new BigCommerceStockReader(transport, channelOptions, channel);
        sender = new PlanSender<Dictionary<ReferenceKey, string?>>(this, transport);
    }

    public string Channel { get; }

    public string Platform => Core.Routing.Platform.BigCommerce;

    public Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.ExecuteAsync(plan, cancellationToken);

    public Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.PrepareAsync(plan, cancellationToken);

    /// <summary>
    /// Orders changed at or after <see cref="OrderQuery.ChangedSince"/>, oldest change first, at most 250 a page (the
    /// v2 maximum); each with its <c>products</c> and <c>shipping_addresses</c> arrays in place of the resource links.
    /// </summary>
    public Task<OrderReadResult> ReadOrdersAsync(OrderQuery query, CancellationToken cancellationToken) =>
        orderReader.ReadAsync(query, cancellationToken);

    /// <summary>
    /// One page of <c>GET v3/inventory/items</c> (at most 1000 items, each with its levels at every location), as
    /// levels by SKU and ERP location code with the on-hand quantity. The token is <c>page=n&amp;limit=m</c>.
    /// </summary>
    public Task<StockReadResult> ReadStockAsync(StockQuery query, CancellationToken cancellationToken) =>
        stockReader.ReadAsync(query, cancellationToken);

    public ValueTask DisposeAsync()
    {
        resolver.Dispose();
        return ValueTask.CompletedTask;
    }

    async Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> IPlanSteps<Dictionary<ReferenceKey, string?>>.ResolveAsync(
        RequestPlan plan, CancellationToken cancellationToken)
    {
        var references = PlanReferences.Of(plan);
        var wanted = references.Wanted;
        var unknown = wanted.FirstOrDefault(r => !BigCommerceReferenceKinds.IsKnown(r.Kind) && !ProductPrices.IsPriceKind(r.Kind));
        if (unknown != default)
        {
            return (null, new DeliveryOutcome.PermanentFailure(BigCommerceReferenceKinds.NotFound(unknown, Channel)));
        }

        foreach (var reference in references.Required.Where(r => !ProductPrices.IsPriceKind(r.Kind)))
        {
            cache.ForgetMissing(reference.Kind == BigCommerceReferenceKinds.Sku ? reference with { Kind = BigCommerceReferenceKinds.Variant } : reference);
        }

        var (ids, failure) = await resolver.ResolveAsync([.. wanted.Where(r => !ProductPrices.IsPriceKind(r.Kind))], cancellationToken);
        if (failure is null)
        {
            (var prices, failure) = await ProductPrices.ResolveAsync(wanted, resolver.LookUpPricesAsync, cancellationToken);
            foreach (var (reference, id) in prices ?? [])
            {
                ids![reference] = id;
            }
        }

        return failure is null ? (ids, null) : (null, FailureContext.Add(failure, "looking up platform ids"));
    }

    string? IPlanSteps<Dictionary<ReferenceKey, string?>>.Unresolvable(PlanReference reference, Dictionary<ReferenceKey, string?> live) =>
        live.GetValueOrDefault(new ReferenceKey(reference.Kind, reference.Key)) is null ? BigCommerceReferenceKinds.NotFound(new ReferenceKey(reference.Kind, reference.Key), Channel) : null;

    PlannedCall IPlanSteps<Dictionary<ReferenceKey, string?>>.Build(PlanCall call, Dictionary<ReferenceKey, string?> initial, Dictionary<ReferenceKey, string?> live) =>
        PlanCallBuilder.Build(call, initial, live, key => BigCommerceReferenceKinds.NotFound(key, Channel), BigCommercePaths.EscapeQueryName, BigCommercePaths.EscapeQueryValue);

    Dictionary<ReferenceKey, string?> IPlanSteps<Dictionary<ReferenceKey, string?>>.Copy(Dictionary<ReferenceKey, string?> ids) => new(ids);

    DeliveryOutcome? IPlanSteps<Dictionary<ReferenceKey, string?>>.Complete(
        PlanCall call, PlannedRequest request, TransportResponse response, Dictionary<ReferenceKey, string?> live, IDictionary<string, string> platformIds)
    {
        if (response.Status == 404 && call.PathParameters.Count > 0)
        {
            return StaleIds(call, response.Failure!);
        }

        if (response.Failure is not null)
        {
            return response.Failure;
        }

        Record(call, response.Body, live, platformIds);
        return null;
    }

    /// <summary>Takes note of what a successful call created or touched: product ids (also into the cache) and transaction ids.</summary>
    private void Record(PlanCall call, byte[] body, Dictionary<ReferenceKey, string?> live, IDictionary<string, string> platformIds)
    {
        if (body.Length == 0)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (root.TryGetProperty("transaction_id", out var transaction) && transaction.ValueKind == JsonValueKind.String)
            {
                platformIds[$"transaction:{call.Id}"] = transaction.GetString()!;
            }

            if (call.Path.StartsWith("v2/orders/", StringComparison.Ordinal) && call.Path.EndsWith("/shipments", StringComparison.Ordinal)
                && root.TryGetProperty("id", out var shipmentId))
            {
                platformIds[$"shipment:{call.Id}"] = shipmentId.GetRawText();
            }

            if (call.Path.StartsWith("v3/catalog/products", StringComparison.Ordinal)
                && root.TryGetProperty("data", out var product) && product.ValueKind == JsonValueKind.Object
                && product.TryGetProperty("id", out var id) && product.TryGetProperty("sku", out var skuElement)
                && skuElement.GetString() is { Length: > 0 } sku)
            {
                var productKey = new ReferenceKey(BigCommerceReferenceKinds.Product, sku);
                live[productKey] = id.GetRawText();
                cache.Found(productKey, id.GetRawText());
                if (product.TryGetProperty("base_variant_id", out var variantId) && variantId.ValueKind == JsonValueKind.Number)
                {
                    var variantKey = new ReferenceKey(BigCommerceReferenceKinds.Variant, sku);
                    live[variantKey] = variantId.GetRawText();
                    cache.Found(variantKey, variantId.GetRawText());
                }

                platformIds[$"product:{sku}"] = id.GetRawText();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // A success whose body is not the expected JSON still succeeded; there is just nothing to record.
        }
    }

    /// <summary>
    /// A 404 on a path built from cached ids means the object was deleted on the platform since it was looked up: the
    /// ids are forgotten, and the next attempt looks them up afresh (and, for a product, takes the create branch).
    /// </summary>
    private DeliveryOutcome.TransientFailure StaleIds(PlanCall call, DeliveryOutcome failure)
    {
        foreach (var parameter in call.PathParameters)
        {
            cache.Forget(new ReferenceKey(parameter.Kind, parameter.Key));
            if (parameter.Kind == BigCommerceReferenceKinds.Product)
            {
                cache.Forget(new ReferenceKey(BigCommerceReferenceKinds.Variant, parameter.Key));
            }
        }

        var reason = failure is DeliveryOutcome.PermanentFailure permanent ? permanent.Reason : failure.ToString();
        return new DeliveryOutcome.TransientFailure($"{reason}; the cached ids in its path are forgotten and looked up again on the next attempt");
    }
}
