using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>
/// One cart connected to API2Cart (its account's x-api-key and the cart's x-store-key) as a channel: executes request
/// plans through the shared <see cref="PlanSender{TIds}"/>, each call one API2Cart method (<c>product.update.json</c>,
/// <c>product.add.json</c>, <c>order.shipment.add.json</c>); a call is done only when its answer's
/// <c>return_code</c> is 0. It is also the channel's <see cref="IOrderSource"/> and <see cref="IStockReader"/> on the
/// same client, keys and concurrency limit. Outcomes are values; see <see cref="IChannelConnector"/>.
/// </summary>
public sealed class Api2CartConnector : IChannelConnector, IOrderSource, IStockReader, IPlanSteps<Dictionary<ReferenceKey, string?>>
{
    private readonly ExpiringIdCache<ReferenceKey, string> cache;
    private readonly Api2CartIdResolver resolver;
    private readonly Api2CartOrderReader orderReader;
    private readonly Api2CartStockReader stockReader;
    private readonly PlanSender<Dictionary<ReferenceKey, string?>> sender;
    private readonly ChannelOptions channelOptions;

    internal Api2CartConnector(string channel, ChannelOptions channelOptions, Api2CartConnectorOptions options, IHttpClientFactory clients, ILogger logger)
    {
        Channel = channel;
        this.channelOptions = channelOptions;
        var transport = Api2CartTransport.Create(clients, channel, channelOptions, options, logger);
        cache = new ExpiringIdCache<ReferenceKey, string>(options.TimeProvider, options.FoundTtl, options.MissingTtl);
        resolver = new Api2CartIdResolver(transport, cache, channelOptions, channel);
        orderReader = new Api2CartOrderReader(transport, channel);
        stockReader = new Api2CartStockReader(transport, channelOptions, channel);
        sender = new PlanSender<Dictionary<ReferenceKey, string?>>(this, transport);
    }

    public string Channel { get; }

    public string Platform => Core.Routing.Platform.Api2Cart;

    public Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.ExecuteAsync(plan, cancellationToken);

    public Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.PrepareAsync(plan, cancellationToken);

    /// <summary>
    /// Stock reaches the cart only through the channel's Locations (ERP code → warehouse id, "" for the cart's own
    /// stock): API2Cart cannot list a cart's warehouses by the ERP's codes, and an unmapped code must not overwrite
    /// another location's quantity.
    /// </summary>
    public string? DeclinedLocation(string location) => channelOptions.Locations.ContainsKey(location)
        ? null
        : $"ERP location '{location}' is not in the Locations of API2Cart channel '{Channel}'";

    /// <summary>Orders changed at or after <see cref="OrderQuery.ChangedSince"/>, oldest change first, at most 250 a page.</summary>
    public Task<OrderReadResult> ReadOrdersAsync(OrderQuery query, CancellationToken cancellationToken) =>
        orderReader.ReadAsync(query, cancellationToken);

    /// <summary>One page of the cart's products (at most 250) as levels by SKU and ERP location code.</summary>
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
        var unknown = wanted.FirstOrDefault(r => !Api2CartReferenceKinds.IsKnown(r.Kind) && !ProductPrices.IsPriceKind(r.Kind));
        if (unknown != default)
        {
            return (null, new DeliveryOutcome.PermanentFailure(Api2CartReferenceKinds.NotFound(unknown, Channel)));
        }

        foreach (var reference in references.Required.Where(r => r.Kind == Api2CartReferenceKinds.Product))
        {
            cache.ForgetMissing(reference);
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
        live.GetValueOrDefault(new ReferenceKey(reference.Kind, reference.Key)) is null ? Api2CartReferenceKinds.NotFound(new ReferenceKey(reference.Kind, reference.Key), Channel) : null;

    PlannedCall IPlanSteps<Dictionary<ReferenceKey, string?>>.Build(PlanCall call, Dictionary<ReferenceKey, string?> initial, Dictionary<ReferenceKey, string?> live) =>
        PlanCallBuilder.Build(call, initial, live, key => Api2CartReferenceKinds.NotFound(key, Channel), Uri.EscapeDataString, Uri.EscapeDataString);

    Dictionary<ReferenceKey, string?> IPlanSteps<Dictionary<ReferenceKey, string?>>.Copy(Dictionary<ReferenceKey, string?> ids) => new(ids);

    DeliveryOutcome? IPlanSteps<Dictionary<ReferenceKey, string?>>.Complete(
        PlanCall call, PlannedRequest request, TransportResponse response, Dictionary<ReferenceKey, string?> live, IDictionary<string, string> platformIds)
    {
        var (envelope, failure) = Api2CartOutcomes.Read(response, $"{call.Method} {call.Path}", Channel);
        if (failure is not null)
        {
            return IsStaleProduct(call, failure) ? StaleProduct(call, failure) : failure;
        }

        using (envelope)
        {
            Record(call, envelope!.RootElement, live, platformIds);
        }

        return null;
    }

    /// <summary>Takes note of what a call created: a new product's id (also into the cache), a shipment's id.</summary>
    private void Record(PlanCall call, JsonElement envelope, Dictionary<ReferenceKey, string?> live, IDictionary<string, string> platformIds)
    {
        if (!envelope.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (call.Path == "product.add.json" && Api2CartJson.Text(result, "product_id") is { } productId
            && call.Body is not null && SkuOf(call) is { Length: > 0 } sku)
        {
            var key = new ReferenceKey(Api2CartReferenceKinds.Product, sku);
            live[key] = productId;
            cache.Found(key, productId);
            platformIds[$"product:{sku}"] = productId;
        }

        if (call.Path == "order.shipment.add.json" && Api2CartJson.Text(result, "shipment_id") is { } shipmentId)
        {
            platformIds[$"shipment:{call.Id}"] = shipmentId;
        }
    }

    /// <summary>The SKU a product.add call creates: its body's <c>sku</c>.</summary>
    private static string? SkuOf(PlanCall call) =>
        call.Body!.Elements().FirstOrDefault(e => (string?)e.Attribute("key") == "sku")?.Value;

    /// <summary>Return code 112 on a call that names a product by an id the connector looked up: the product is gone.</summary>
    private static bool IsStaleProduct(PlanCall call, DeliveryOutcome failure) =>
        failure is DeliveryOutcome.PermanentFailure { Reason: var reason } && reason.StartsWith("API2Cart return code 112 ", StringComparison.Ordinal)
        && call.Body is not null && ProductReferences(call).Any();

    /// <summary>
    /// The product was deleted on the cart since it was looked up: its id is forgotten, and the next attempt looks it up
    /// afresh (and, for a product message, takes the create branch).
    /// </summary>
    private DeliveryOutcome.TransientFailure StaleProduct(PlanCall call, DeliveryOutcome failure)
    {
        foreach (var sku in ProductReferences(call))
        {
            cache.Forget(new ReferenceKey(Api2CartReferenceKinds.Product, sku));
        }

        return new DeliveryOutcome.TransientFailure($"{((DeliveryOutcome.PermanentFailure)failure).Reason}; the cached product id is forgotten and looked up again on the next attempt");
    }

    private static IEnumerable<string> ProductReferences(PlanCall call) =>
        PlanReference.Collect(call.Body!).Where(r => r.Kind == Api2CartReferenceKinds.Product).Select(r => r.Key);
}
